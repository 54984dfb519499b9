// The test cluster's controller manager: the upstream command, built from k8s.io/kubernetes, so
// Deployments get ReplicaSets and Pods and their status is computed the real way.
package main

import (
	"os"

	"k8s.io/component-base/cli"
	_ "k8s.io/component-base/logs/json/register"
	"k8s.io/kubernetes/cmd/kube-controller-manager/app"
)

func main() {
	os.Exit(cli.Run(app.NewControllerManagerCommand()))
}
