// The unallocated queue in real Chromium: the SPO reaches it from the navigation, the demo
// team's unallocated cases are listed most urgent first, and each leads to the case. axe checks
// the page against WCAG 2.2 AA. scripts/browser-tests.sh starts the server and sets PROBITY_URL
// and PROBITY_DEMO_PASSWORD.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { base, expectAccessible, newPage, signIn } from './support.mjs'

test('an SPO opens the unallocated queue and goes to the most urgent case', async () => {
  const { context, page, problems } = await newPage()
  await signIn(page, 'demo.spo1')
  await page.getByRole('link', { name: 'Unallocated' }).click()
  assert.equal(page.url(), `${base}/unallocated`)
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Unallocated cases')
  const rows = page.locator('#queue tbody tr')
  assert.ok(await rows.count() > 0, 'the demo team has unallocated cases')
  await expectAccessible(page)

  const link = rows.first().locator('a').first()
  const href = await link.getAttribute('href')
  await link.click()
  assert.equal(page.url(), `${base}${href}`)
  assert.match(await page.locator('#officer').innerText(), /Unallocated/)

  assert.deepEqual(problems, [])
  await context.close()
})
