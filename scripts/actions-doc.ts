/** Rewrites the README's action list from the action declarations. */
import { readFileSync, writeFileSync } from 'node:fs'
import { withActionTable } from '../cloudfunctions/core/actions/doc'

const readme = readFileSync('README.md', 'utf8')
const next = withActionTable(readme)
if (next !== readme) writeFileSync('README.md', next)
console.log(next === readme ? 'README action list is up to date' : 'README action list rewritten')
