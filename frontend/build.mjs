#!/usr/bin/env node
// Builds Probity's front-end assets into OUTDIR, every file under a content-hashed name:
//
//   node frontend/build.mjs OUTDIR
//
// - application.css: scss/application.scss (GOV.UK Frontend + MoJ Frontend + ours), compressed, its
//   url()s rewritten to the hashed fonts and images beside it;
// - application.js: js/application.mjs, its import specifiers rewritten to the hashed copies of the
//   packages' pre-built ES module bundles (govuk-frontend.min.js, moj-frontend.min.js);
// - fonts/, images/ and manifest.json (the web app manifest) from the packages, the manifest's
//   icon paths rewritten;
// - OUTDIR/manifest.json: {"logical name": "hashed path relative to OUTDIR", ...}, keys sorted.
//
// A name gets "-<first 10 hex of SHA-256>" before its extension, unless it already carries the
// first 10 hex of its own MD5 (GOV.UK Frontend's fonts, e.g. light-94a07e06a1-v2.woff2), which is
// checked here on every build. Files that refer to others are hashed after the rewrite, so a
// change anywhere changes the names of everything that leads to it, and all of OUTDIR can be served
// with `Cache-Control: public, max-age=31536000, immutable`.
//
// OUTDIR is built beside itself and then swapped in whole; the build is deterministic. Exits 2 on
// bad usage, 1 with a one-line reason on any failure (a url() or import with no file behind it,
// among others).
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const modules = path.join(here, 'node_modules')
const govukDir = path.join(modules, 'govuk-frontend', 'dist', 'govuk')
const mojDir = path.join(modules, '@ministryofjustice', 'frontend', 'moj')

// The prefix the Sass settings give fonts and images ($govuk-assets-path, $moj-assets-path).
const assetsPrefix = '/assets/'

class BuildError extends Error {}
const fail = (message) => {
  throw new BuildError(message)
}

// ---- hashing and the asset map -------------------------------------------------------------

const hex = (algorithm, bytes) => createHash(algorithm).update(bytes).digest('hex')

function hashedName(logical, bytes) {
  const { dir, name, ext } = path.posix.parse(logical)
  const md5 = hex('md5', bytes).slice(0, 10)
  // Already content-hashed by its publisher: keep the name (a "-<md5 prefix>" segment).
  if (new RegExp(`(^|-)${md5}(-|$)`).test(name)) return logical
  return path.posix.join(dir, `${name}-${hex('sha256', bytes).slice(0, 10)}${ext}`)
}

class Assets {
  constructor(root) {
    this.root = root
    this.map = new Map() // logical -> hashed
    this.bytes = 0
  }

  add(logical, content) {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    if (this.map.has(logical)) fail(`two files for the logical name ${logical}`)
    const hashed = hashedName(logical, bytes)
    const file = path.join(this.root, ...hashed.split('/'))
    if (existsSync(file)) fail(`two files hash to ${hashed}`)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, bytes)
    this.map.set(logical, hashed)
    this.bytes += bytes.length
    return hashed
  }

  // The hashed path of a logical name, relative to the file at logical name `from`.
  ref(logical, from) {
    const hashed = this.map.get(logical)
    if (!hashed) return undefined
    return path.posix.relative(path.posix.dirname(from), hashed)
  }
}

const sortedFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort()

// ---- the pieces ------------------------------------------------------------------------------

// Fonts and images, as the packages ship them. GOV.UK's and MoJ's images share images/ (their
// Sass puts both under $…-images-path); a name clash with different content fails the build.
function copyStatic(assets) {
  for (const name of sortedFiles(path.join(govukDir, 'assets', 'fonts'))) {
    assets.add(`fonts/${name}`, readFileSync(path.join(govukDir, 'assets', 'fonts', name)))
  }
  const images = new Map()
  for (const dir of [path.join(govukDir, 'assets', 'images'), path.join(mojDir, 'assets', 'images')]) {
    for (const name of sortedFiles(dir)) {
      const bytes = readFileSync(path.join(dir, name))
      const seen = images.get(name)
      if (seen) {
        if (!seen.equals(bytes)) fail(`images/${name} differs between GOV.UK Frontend and MoJ Frontend`)
        continue
      }
      images.set(name, bytes)
      assets.add(`images/${name}`, bytes)
    }
  }
}

// The packages' pre-built ES module bundles. They must stand alone (no imports of their own), and
// lose their sourceMappingURL comment (the maps are not shipped).
function copyVendorScripts(assets) {
  const bundles = [
    ['govuk-frontend.min.js', path.join(govukDir, 'govuk-frontend.min.js')],
    ['moj-frontend.min.js', path.join(mojDir, 'moj-frontend.min.js')],
  ]
  for (const [logical, file] of bundles) {
    const source = readFileSync(file, 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n')
    if (/(^|[;}\s])import\s*["'{*]|\bimport\s*\(|\}\s*from\s*["']/.test(source)) {
      fail(`${path.relative(here, file)} imports other modules: it is no longer a self-contained bundle`)
    }
    if (!/\bexport\s*\{[^}]*\binitAll\b/.test(source)) fail(`${path.relative(here, file)} does not export initAll`)
    assets.add(logical, source)
  }
}

// GOV.UK Frontend's web app manifest, its icon paths (relative to the manifest) made hashed.
function copyWebManifest(assets) {
  const logical = 'manifest.json'
  const manifest = JSON.parse(readFileSync(path.join(govukDir, 'assets', logical), 'utf8'))
  for (const icon of manifest.icons ?? []) {
    const target = path.posix.join(path.posix.dirname(logical), icon.src)
    icon.src = assets.ref(target, logical) ?? fail(`manifest.json names ${icon.src}, which is not among the assets`)
  }
  assets.add(logical, JSON.stringify(manifest, null, 2) + '\n')
}

async function compileCss(assets) {
  const sass = await import('sass')
  const entry = path.join(here, 'scss', 'application.scss')
  const source = readFileSync(entry, 'utf8')
  const lastImport = source.split('\n').reduce((last, line, i) => (/^\s*@import\b/.test(line) ? i + 1 : last), 0)
  const warnings = []
  let result
  try {
    result = sass.compile(entry, {
      style: 'compressed',
      loadPaths: [here], // the packages' own Sass names "node_modules/govuk-frontend/..."
      quietDeps: true,
      silenceDeprecations: ['import'], // see application.scss for why it @imports
      logger: {
        // Show the warnings our own rules cause; the packages' @warns about their own code (MoJ 11
        // still calls mixins GOV.UK Frontend 6 deprecates) are theirs to fix.
        warn(message, { span, stack }) {
          const ours = span
            ? !span.url?.pathname.includes('/node_modules/')
            : [...(stack ?? '').matchAll(/application\.scss (\d+):/g)].some((m) => Number(m[1]) > lastImport)
          if (ours) warnings.push(`${message}${span ? ` (${span.url?.pathname}:${span.start.line + 1})` : ''}`)
        },
      },
    })
  } catch (e) {
    fail(`Sass: ${e.message}`)
  }
  for (const w of warnings) console.error(`build-assets: Sass warning: ${w}`)

  const logical = 'application.css'
  const missing = new Set()
  const css = result.css.replace(/url\(\s*(["']?)([^"')]*)\1\s*\)/g, (whole, _quote, url) => {
    if (url.startsWith('data:') || url.startsWith('#')) return whole
    if (!url.startsWith(assetsPrefix)) {
      missing.add(`${url} (not under ${assetsPrefix})`)
      return whole
    }
    const target = url.slice(assetsPrefix.length).replace(/[?#].*$/, '')
    const ref = assets.ref(target, logical)
    if (!ref) {
      missing.add(url)
      return whole
    }
    return `url(${ref})`
  })
  if (missing.size) fail(`application.css refers to files that are not among the assets: ${[...missing].join(', ')}`)
  if (css.includes(assetsPrefix)) fail(`application.css still mentions ${assetsPrefix} outside url()`)
  assets.add(logical, css)
}

// js/application.mjs with its './<logical name>' import specifiers made hashed; full-line comments
// dropped (the file is tiny; there is nothing else to minify).
function buildScript(assets) {
  const logical = 'application.js'
  const file = path.join(here, 'js', 'application.mjs')
  const source = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*\/\//.test(line))
    .join('\n')
    .replace(/^\n+/, '')
  const bad = []
  const rewrite = (specifier) => {
    const target = specifier.startsWith('./') ? specifier.slice(2) : undefined
    const ref = target && assets.ref(target, logical)
    if (!ref) bad.push(specifier)
    return ref ? `./${ref}` : specifier
  }
  const js = source.replace(
    /(\bfrom\s*|\bimport\s*|\bimport\s*\(\s*)(["'])([^"']+)\2/g,
    (_, lead, quote, specifier) => `${lead}${quote}${rewrite(specifier)}${quote}`,
  )
  if (bad.length) fail(`js/application.mjs imports ${bad.join(', ')}: only './<name>' of a built asset can be imported`)
  assets.add(logical, js)
}

// ---- checks, and swapping OUTDIR in -------------------------------------------------------------

function listFiles(root, dir = root) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? listFiles(root, full) : [path.relative(root, full).split(path.sep).join('/')]
  })
}

function check(assets) {
  const values = [...assets.map.values()]
  if (new Set(values).size !== values.length) fail('two logical names map to one file')
  const onDisk = listFiles(assets.root).filter((f) => f !== 'manifest.json')
  const mapped = new Set(values)
  const stray = onDisk.filter((f) => !mapped.has(f))
  if (stray.length) fail(`files not in the manifest: ${stray.join(', ')}`)
  if (onDisk.length !== values.length) fail('the manifest names files that were not written')
}

// OUTDIR is wiped on every build, so it must be ours: absent, empty, or holding a manifest.json.
function checkOutdir(outdir) {
  if (outdir === path.parse(outdir).root || outdir === here || here.startsWith(outdir + path.sep)) {
    fail(`refusing to build into ${outdir}`)
  }
  if (!existsSync(outdir)) return
  if (!statSync(outdir).isDirectory()) fail(`${outdir} exists and is not a directory`)
  const entries = readdirSync(outdir)
  if (entries.length && !entries.includes('manifest.json')) {
    fail(`${outdir} is not empty and has no manifest.json: refusing to wipe it`)
  }
}

function swapIn(staging, outdir) {
  rmSync(outdir, { recursive: true, force: true })
  renameSync(staging, outdir)
}

async function main(argv) {
  if (argv.length !== 1 || argv[0].startsWith('-')) {
    console.error('usage: node frontend/build.mjs OUTDIR')
    return 2
  }
  const outdir = path.resolve(argv[0])
  for (const dir of [govukDir, mojDir]) {
    if (!existsSync(dir)) fail(`${path.relative(process.cwd(), dir)} is missing: run npm ci in ${path.relative(process.cwd(), here) || '.'}`)
  }
  checkOutdir(outdir)

  const staging = `${outdir}.tmp-${process.pid}`
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging, { recursive: true })
  try {
    const assets = new Assets(staging)
    copyStatic(assets)
    copyVendorScripts(assets)
    copyWebManifest(assets)
    await compileCss(assets)
    buildScript(assets)
    check(assets)
    const manifest = Object.fromEntries([...assets.map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
    swapIn(staging, outdir)
    const kib = Math.round(assets.bytes / 1024)
    console.log(
      `build-assets: ${assets.map.size} files, ${kib} KiB in ${argv[0]}` +
        ` (${manifest['application.css']}, ${manifest['application.js']})`,
    )
    return 0
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof BuildError ? `build-assets: ${e.message}` : e)
    process.exit(1)
  },
)
