// Runs the CLI from source (tests spawn it through tsx, so no build is needed).
import { run } from '../cli.js'

await run()
