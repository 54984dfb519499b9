import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach, beforeEach } from 'vitest'

// jsdom has no layout engine, so it lacks ResizeObserver (Radix measures its controls with it). Nothing
// is ever resized in jsdom, so an observer that never fires is what a browser would do here too.
if (!('ResizeObserver' in globalThis)) {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
}

// The first visit to a lazily loaded step compiles it on demand, which can take a few seconds on a slow machine.
configure({ asyncUtilTimeout: 8000 })

beforeEach(() => {
  if (typeof window === 'undefined') return // node-environment tests
  window.localStorage.clear()
  window.history.replaceState(null, '', '/')
})

afterEach(() => {
  cleanup()
})
