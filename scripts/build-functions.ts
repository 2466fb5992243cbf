/**
 * Bundles each cloud function with its shared code into one deployable folder:
 * dist/functions/<name>/{index.js, package.json, config.json}. The CloudBase SDKs stay external
 * and are listed in package.json so that the cloud installs them. Also writes cloudbaserc.json
 * (CloudBase CLI) and, when missing, project.config.json (WeChat DevTools) from the same table.
 *
 *   npx tsx scripts/build-functions.ts
 */
import { build, type Plugin } from 'esbuild'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..')

/** Installed by the cloud from each function's package.json, never bundled. */
export const CLOUD_SDKS = ['@cloudbase/node-sdk', 'wx-server-sdk'] as const

interface Trigger {
  name: string
  type: 'timer'
  /** CloudBase cron: second minute hour day month weekday year, in UTC+8. */
  config: string
}

export interface FunctionSpec {
  name: string
  entry: string
  timeout: number
  /** WeChat open APIs the function calls through wx-server-sdk (config.json permissions). */
  openapi: string[]
  triggers: Trigger[]
  /** Environment variables the function reads; cloudbaserc.json fills them from the deployer's env. */
  envVariables: string[]
}

export const FUNCTIONS: FunctionSpec[] = [
  {
    name: 'api',
    entry: 'cloudfunctions/api/index.ts',
    timeout: 20,
    openapi: ['wxacode.getUnlimited'],
    triggers: [],
    envVariables: ['ZHIBU_SIGNING_SECRET', 'ZHIBU_SETUP_CODE', 'ZHIBU_APP_URL', 'ZHIBU_MINIPROGRAM_STATE'],
  },
  {
    name: 'remind',
    entry: 'cloudfunctions/remind/index.ts',
    timeout: 60,
    openapi: ['subscribeMessage.send'],
    // Every hour at :00; the code decides what is due at that hour in Asia/Shanghai.
    triggers: [{ name: 'remind-hourly', type: 'timer', config: '0 0 * * * * *' }],
    envVariables: ['ZHIBU_TEMPLATE_MEETING_REMINDER', 'ZHIBU_TEMPLATE_DUES_REMINDER', 'ZHIBU_MINIPROGRAM_STATE'],
  },
]

/** CloudBase's runtime matching esbuild's node16 target. */
export const RUNTIME = 'Nodejs16.13'

/**
 * zod re-exports its ~250 translations as `z.locales`, which esbuild cannot shake out of the `z`
 * namespace: 250 KB nobody calls (our messages are our own Chinese, and English, the default, is
 * imported separately). Like webpack's IgnorePlugin for moment's locales, resolve that one
 * re-export to an empty module. `z.locales.xx()` would therefore fail in a bundle; to use a zod
 * locale, import it directly (`zod/v4/locales/zh-CN.js`), which this does not touch.
 */
const dropZodLocales: Plugin = {
  name: 'drop-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'empty' } : undefined,
    )
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {}', loader: 'js' }))
  },
}

export interface BuiltFunction {
  name: string
  dir: string
  bytes: number
  dependencies: Record<string, string>
  /** Source files bundled in, relative to the repo root. */
  inputs: string[]
}

function rootDependencies(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
  return pkg.dependencies ?? {}
}

/** The package an import path belongs to: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageOf = (path: string) => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/')

export function functionConfig(spec: FunctionSpec) {
  return {
    permissions: { openapi: spec.openapi },
    timeout: spec.timeout,
    ...(spec.triggers.length ? { triggers: spec.triggers } : {}),
  }
}

export async function buildFunctions(opts: { outDir?: string; log?: (line: string) => void } = {}): Promise<BuiltFunction[]> {
  const outDir = opts.outDir ?? join(ROOT, 'dist/functions')
  const log = opts.log ?? ((line: string) => console.log(line))
  const versions = rootDependencies()
  const built: BuiltFunction[] = []
  for (const spec of FUNCTIONS) {
    const dir = join(outDir, spec.name)
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const result = await build({
      entryPoints: [join(ROOT, spec.entry)],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: [...CLOUD_SDKS],
      tsconfig: join(ROOT, 'tsconfig.json'),
      metafile: true,
      // Smaller bundles load faster on a cold start. Names are kept so that error names and the
      // bundle check for local-only classes still see them.
      minify: true,
      keepNames: true,
      plugins: [dropZodLocales],
      logLevel: 'warning',
      legalComments: 'none',
    })
    // Only the SDKs this bundle references, pinned to the versions the repo tests against.
    const dependencies: Record<string, string> = {}
    for (const output of Object.values(result.metafile.outputs)) {
      for (const imp of output.imports) {
        const name = packageOf(imp.path)
        if (!imp.external || !(CLOUD_SDKS as readonly string[]).includes(name)) continue
        const version = versions[name]
        if (!version) throw new Error(`${name} is required by ${spec.name} but missing from package.json dependencies`)
        dependencies[name] = version
      }
    }
    const sorted = Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)))
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: spec.name, version: '1.0.0', private: true, main: 'index.js', dependencies: sorted }, null, 2) + '\n',
    )
    writeFileSync(join(dir, 'config.json'), JSON.stringify(functionConfig(spec), null, 2) + '\n')
    const bytes = readFileSync(join(dir, 'index.js')).length
    log(`${relative(ROOT, join(dir, 'index.js'))}  ${(bytes / 1024).toFixed(1)} KB  deps: ${Object.keys(sorted).join(', ') || 'none'}`)
    const inputs = Object.values(result.metafile.outputs).flatMap((o) => Object.keys(o.inputs))
    built.push({ name: spec.name, dir, bytes, dependencies: sorted, inputs })
  }
  return built
}

/** cloudbaserc.json for `tcb fn deploy`; `{{env.X}}` is filled from the deployer's environment or .env. */
export function cloudbaseRc() {
  return {
    version: '2.0',
    envId: '{{env.ENV_ID}}',
    functionRoot: 'dist/functions',
    functions: FUNCTIONS.map((spec) => ({
      name: spec.name,
      handler: 'index.main',
      runtime: RUNTIME,
      timeout: spec.timeout,
      installDependency: true,
      ...(spec.triggers.length ? { triggers: spec.triggers } : {}),
      envVariables: Object.fromEntries(spec.envVariables.map((v) => [v, `{{env.${v}}}`])),
    })),
  }
}

/** WeChat DevTools' project file, as Taro's scaffold writes it, pointed at the built output. */
export function projectConfig() {
  return {
    miniprogramRoot: 'dist/weapp/',
    cloudfunctionRoot: 'dist/functions/',
    projectname: 'zhibutong',
    description: '支部通',
    appid: 'touristappid',
    compileType: 'miniprogram',
    // Taro already transpiles, minifies and runs PostCSS; DevTools must not do it again.
    setting: {
      urlCheck: true,
      es6: false,
      enhance: false,
      postcss: false,
      minified: false,
      compileHotReLoad: false,
    },
  }
}

export function writeProjectFiles(root = ROOT): void {
  writeFileSync(join(root, 'cloudbaserc.json'), JSON.stringify(cloudbaseRc(), null, 2) + '\n')
  // DevTools rewrites this file with the developer's own AppID and settings: never overwrite it.
  const project = join(root, 'project.config.json')
  if (!existsSync(project)) writeFileSync(project, JSON.stringify(projectConfig(), null, 2) + '\n')
}

if (require.main === module) {
  const started = Date.now()
  buildFunctions()
    .then(() => {
      writeProjectFiles()
      console.log(`built ${FUNCTIONS.length} functions in ${Date.now() - started} ms`)
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err)
      process.exit(1)
    })
}
