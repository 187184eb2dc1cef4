// What every browser test shares: Debian's Chromium (never a downloaded browser) driven by
// playwright-core, the server scripts/browser-tests.sh started (PROBITY_URL) and the demo
// password it chose (PROBITY_DEMO_PASSWORD), axe at WCAG 2.2 AA, and signing in. Not a test file
// itself: node --test only runs *.test.mjs.
import { before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'

// The packages are installed with the front end (frontend/package.json), not beside the tests.
const require = createRequire(new URL('../../frontend/package.json', import.meta.url))
const { chromium, request } = require('playwright-core')
const AxeBuilderModule = require('@axe-core/playwright')
const AxeBuilder = AxeBuilderModule.default ?? AxeBuilderModule

export { request }
export const base = process.env.PROBITY_URL
export const password = process.env.PROBITY_DEMO_PASSWORD
assert.ok(base && password, 'PROBITY_URL and PROBITY_DEMO_PASSWORD must be set')

// One browser per test file, launched before its tests and closed after them.
let browser
before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
})
after(async () => browser?.close())

// A fresh browser context (its own cookies) with a page, and the problems seen on it: any script
// error, console error or failed request other than a page's own 4xx (a form with errors answers
// 400 on purpose). A test asserts `problems` is empty at its end.
export async function newPage () {
  const context = await browser.newContext()
  const page = await context.newPage()
  const problems = []
  page.on('pageerror', (e) => problems.push(`page error: ${e}`))
  page.on('console', (m) => {
    // Failed loads are judged by the response listener below, which knows what was asked for.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`)
  })
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document') problems.push(`${r.status()} ${r.url()}`)
  })
  return { context, page, problems }
}

// Zero axe violations at WCAG 2.2 AA on the page as it is now.
export async function expectAccessible (page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  assert.deepEqual(found, [], `accessibility violations on ${page.url()}`)
}

// Signs in through the sign-in page the home page sends a signed-out browser to.
export async function signIn (page, username) {
  await page.goto(`${base}/`)
  assert.match(page.url(), /\/sign-in/)
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

// A JSON API session for `username`: the request context and its CSRF token.
export async function apiSession (username) {
  const api = await request.newContext({ baseURL: base })
  const session = await api.post('/api/v1/session', { data: { username, password } })
  assert.equal(session.status(), 201, await session.text())
  const { csrf_token: csrf } = await session.json()
  return { api, csrf }
}
