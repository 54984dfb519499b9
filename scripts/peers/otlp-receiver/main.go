// otlp-receiver: a tiny loopback OTLP/HTTP receiver for the connectivity-check tests.
//
// It decodes request bodies with the OpenTelemetry Collector's own pdata package
// (go.opentelemetry.io/collector/pdata, the code the Collector's otlpreceiver uses),
// for both application/x-protobuf and application/json, optionally gzip-encoded.
// Undecodable bodies get 400; decoded ones get 200 with an empty Export*ServiceResponse
// in the request's encoding. GET /_stats returns per-signal counters (for test asserts).
package main

import (
	"compress/gzip"
	"crypto/subtle"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"mime"
	"net"
	"net/http"
	"strings"
	"sync"

	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/pmetric/pmetricotlp"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
)

type codec interface {
	UnmarshalProto([]byte) error
	UnmarshalJSON([]byte) error
}

type respCodec interface {
	MarshalProto() ([]byte, error)
	MarshalJSON() ([]byte, error)
}

type stats struct {
	mu       sync.Mutex
	Accepted map[string]int `json:"accepted"`
	Rejected map[string]int `json:"rejected"`
	Records  map[string]int `json:"records"`
}

func (s *stats) add(m map[string]int, k string, n int) {
	s.mu.Lock()
	m[k] += n
	s.mu.Unlock()
}

const maxBody = 16 << 20

func main() {
	addr := flag.String("addr", "127.0.0.1:17318", "listen address (loopback only)")
	tlsCert := flag.String("tls-cert", "", "serve HTTPS with this cert (PEM)")
	tlsKey := flag.String("tls-key", "", "key for -tls-cert")
	bearer := flag.String("bearer", "", "if set, require 'Authorization: Bearer <token>' (401 otherwise)")
	flag.Parse()

	host, _, err := net.SplitHostPort(*addr)
	if err != nil || !net.ParseIP(host).IsLoopback() {
		log.Fatalf("refusing non-loopback address %q", *addr)
	}

	st := &stats{Accepted: map[string]int{}, Rejected: map[string]int{}, Records: map[string]int{}}
	mux := http.NewServeMux()

	handle := func(signal string, newReq func() (codec, func() int), newResp func() respCodec) {
		mux.HandleFunc("/v1/"+signal, func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodPost {
				w.Header().Set("Allow", "POST")
				http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
				return
			}
			if *bearer != "" {
				got := r.Header.Get("Authorization")
				want := "Bearer " + *bearer
				if subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
					st.add(st.Rejected, signal, 1)
					w.Header().Set("WWW-Authenticate", `Bearer realm="otlp"`)
					http.Error(w, "unauthorized", http.StatusUnauthorized)
					return
				}
			}
			ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
			if ct != "application/x-protobuf" && ct != "application/json" {
				st.add(st.Rejected, signal, 1)
				http.Error(w, "unsupported content type "+ct, http.StatusUnsupportedMediaType)
				return
			}
			var body io.Reader = http.MaxBytesReader(w, r.Body, maxBody)
			switch strings.ToLower(r.Header.Get("Content-Encoding")) {
			case "", "identity":
			case "gzip":
				gz, err := gzip.NewReader(body)
				if err != nil {
					st.add(st.Rejected, signal, 1)
					http.Error(w, "bad gzip body: "+err.Error(), http.StatusBadRequest)
					return
				}
				defer gz.Close()
				body = io.LimitReader(gz, maxBody)
			default:
				st.add(st.Rejected, signal, 1)
				http.Error(w, "unsupported content encoding", http.StatusUnsupportedMediaType)
				return
			}
			raw, err := io.ReadAll(body)
			if err != nil {
				st.add(st.Rejected, signal, 1)
				http.Error(w, "read error: "+err.Error(), http.StatusBadRequest)
				return
			}
			req, count := newReq()
			if ct == "application/json" {
				err = req.UnmarshalJSON(raw)
			} else {
				err = req.UnmarshalProto(raw)
			}
			if err != nil {
				st.add(st.Rejected, signal, 1)
				http.Error(w, "cannot decode OTLP "+signal+" request: "+err.Error(), http.StatusBadRequest)
				return
			}
			st.add(st.Accepted, signal, 1)
			st.add(st.Records, signal, count())
			resp := newResp()
			var out []byte
			if ct == "application/json" {
				out, err = resp.MarshalJSON()
			} else {
				out, err = resp.MarshalProto()
			}
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Type", ct)
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write(out)
		})
	}

	handle("logs", func() (codec, func() int) {
		r := plogotlp.NewExportRequest()
		return &r, func() int { return r.Logs().LogRecordCount() }
	}, func() respCodec { r := plogotlp.NewExportResponse(); return &r })
	handle("traces", func() (codec, func() int) {
		r := ptraceotlp.NewExportRequest()
		return &r, func() int { return r.Traces().SpanCount() }
	}, func() respCodec { r := ptraceotlp.NewExportResponse(); return &r })
	handle("metrics", func() (codec, func() int) {
		r := pmetricotlp.NewExportRequest()
		return &r, func() int { return r.Metrics().DataPointCount() }
	}, func() respCodec { r := pmetricotlp.NewExportResponse(); return &r })

	mux.HandleFunc("/_stats", func(w http.ResponseWriter, r *http.Request) {
		st.mu.Lock()
		defer st.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(st)
	})
	mux.HandleFunc("/_health", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })

	srv := &http.Server{Addr: *addr, Handler: mux}
	log.Printf("otlp-receiver listening on %s (tls=%v, bearer=%v)", *addr, *tlsCert != "", *bearer != "")
	if *tlsCert != "" {
		log.Fatal(srv.ListenAndServeTLS(*tlsCert, *tlsKey))
	}
	log.Fatal(srv.ListenAndServe())
}
