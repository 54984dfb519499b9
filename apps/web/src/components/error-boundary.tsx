import { Component, type ReactNode } from 'react'

/** Keeps one failing part (e.g. a step whose code failed to download) from blanking the whole wizard. */
export class ErrorBoundary extends Component<
  { children: ReactNode; fallback: ReactNode; resetKey?: unknown },
  { failed: boolean; key?: unknown }
> {
  override state: { failed: boolean; key?: unknown } = { failed: false, key: this.props.resetKey }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  static getDerivedStateFromProps(props: { resetKey?: unknown }, state: { failed: boolean; key?: unknown }) {
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}
