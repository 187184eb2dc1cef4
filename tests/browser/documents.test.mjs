// A letter kept as a document, in real Chromium: a warning (or licence compliance letter) is
// decided on a failure from demo.po1's enforcement worklist through the JSON API, then the
// person's documents and the letter itself are opened, checked with axe against WCAG 2.2 AA, and
// printed through the "Print this letter" button. scripts/browser-tests.sh starts the server and
// sets PROBITY_URL and PROBITY_DEMO_PASSWORD.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'

const require = createRequire(new URL('../../frontend/package.json', import.meta.url))
const { chromium, request } = require('playwright-core')
const AxeBuilderModule = require('@axe-core/playwright')
const AxeBuilder = AxeBuilderModule.default ?? AxeBuilderModule
const base = process.env.PROBITY_URL
const password = process.env.PROBITY_DEMO_PASSWORD
assert.ok(base && password, 'PROBITY_URL and PROBITY_DEMO_PASSWORD must be set')

let browser
before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
})
after(async () => browser?.close())

async function expectAccessible (page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  assert.deepEqual(found, [], `accessibility violations on ${page.url()}`)
}

// Decides a letter on the first warning or compliance-letter alert in demo.po1's worklist;
// returns the CRN.
async function issueALetter () {
  const api = await request.newContext({ baseURL: base })
  const session = await api.post('/api/v1/session', { data: { username: 'demo.po1', password } })
  assert.equal(session.status(), 201, await session.text())
  const { csrf_token: csrf } = await session.json()
  const worklist = await api.get('/api/v1/enforcement/worklist?limit=200')
  assert.equal(worklist.status(), 200, await worklist.text())
  const kinds = { warning: 'warning_issued', compliance_letter: 'compliance_letter' }
  const item = (await worklist.json()).items.find((i) => kinds[i.alert.kind] && i.alert.state === 'open')
  assert.ok(item, 'demo.po1 has no open warning or compliance-letter alert to decide')
  const decided = await api.post(`/api/v1/people/${item.crn}/enforcement/decisions`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { sentence_id: item.sentence_id, appointment_id: item.alert.appointment_id, kind: kinds[item.alert.kind] }
  })
  assert.equal(decided.status(), 201, await decided.text())
  await api.dispose()
  return item.crn
}

test('a letter is kept on the case and prints on its own', async () => {
  const crn = await issueALetter()
  const context = await browser.newContext()
  const page = await context.newPage()
  const problems = []
  page.on('pageerror', (e) => problems.push(`page error: ${e}`))

  await page.goto(`${base}/`)
  await page.getByLabel('Username').fill('demo.po1')
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()

  await page.goto(`${base}/people/${crn}/documents`)
  await expectAccessible(page)
  const link = page.locator('#documents a').first()
  const title = await link.textContent()
  assert.match(title, /^(Warning letter|Licence compliance letter): failure to comply on /)
  await link.click()
  assert.equal(await page.title(), `${title} - Probity`)
  await expectAccessible(page)
  assert.match(await page.locator('.app-letter').textContent(), new RegExp(crn))

  // With scripts the button shows and opens the print dialogue (stubbed here); the hint goes.
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1 } })
  const print = page.getByRole('button', { name: 'Print this letter' })
  await print.click()
  assert.equal(await page.evaluate(() => window.printed), 1)
  assert.equal(await page.locator('.app-print-hint').isVisible(), false)

  // Printed, only the letter shows: no header, navigation or case tabs.
  await page.emulateMedia({ media: 'print' })
  assert.equal(await page.locator('.moj-header').isVisible(), false)
  assert.equal(await page.locator('.app-no-print').isVisible(), false)
  assert.equal(await page.locator('.app-letter').isVisible(), true)

  assert.deepEqual(problems, [])
  await context.close()
})
