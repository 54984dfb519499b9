// highlight.js ships types for its root and languages but not for the core entry.
declare module 'highlight.js/lib/core' {
  import hljs from 'highlight.js'
  export default hljs
}
