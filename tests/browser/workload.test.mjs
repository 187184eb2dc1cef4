// Workload in real Chromium: the SPO opens the team dashboard from their workload page, follows a
// practitioner's bar to their breakdown, and allocates a waiting case from the allocation page.
// axe checks each page (charts included) against WCAG 2.2 AA. scripts/browser-tests.sh starts the
// server and sets PROBITY_URL and PROBITY_DEMO_PASSWORD.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { base, expectAccessible, newPage, signIn } from './support.mjs'

test('an SPO reads the team dashboard, a practitioner\'s breakdown, and allocates a case', async () => {
  const { context, page, problems } = await newPage()
  await signIn(page, 'demo.spo1')
  await page.getByRole('link', { name: 'Workload', exact: true }).click()
  assert.equal(page.url(), `${base}/workload`)
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'My workload')
  await expectAccessible(page)

  await page.locator('#workload-dashboards a[href="/workload/teams/NE-TYN-A"]').click()
  assert.equal(page.url(), `${base}/workload/teams/NE-TYN-A`)
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /^Workload: Team /)
  const bars = page.locator('svg .probity-chart__bar')
  assert.ok(await bars.count() > 0, 'a bar for each practitioner of the team')
  assert.equal(await page.locator('#unit-staff tbody tr').count(), await bars.count(),
    'the table gives every bar\'s figures')
  await expectAccessible(page)

  await page.locator('a.probity-chart__link[href="/workload/staff/demo.po1"] .probity-chart__label').click()
  assert.equal(page.url(), `${base}/workload/staff/demo.po1`)
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Workload: Priya Okafor')
  assert.ok(await page.locator('#workload-breakdown tbody tr').count() > 0)
  assert.ok(await page.locator('#reduction-form').isVisible(), 'her SPO may reduce her hours')
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Unallocated' }).click()
  const allocate = page.locator('#queue tbody tr').first().locator('a', { hasText: 'Allocate' })
  const href = await allocate.getAttribute('href')
  await allocate.click()
  assert.equal(page.url(), `${base}${href}`)
  await expectAccessible(page)
  const first = page.locator('#allocate-form input[name="officer"]:not([disabled])').first()
  await first.check()
  await page.getByLabel('Why they take it', { exact: true }).fill('Capacity after the team meeting')
  await page.getByLabel(/past 100%/).fill('No one else has room this week')
  await page.getByRole('button', { name: 'Allocate' }).click()
  assert.equal(page.url(), `${base}${href.replace(/\/allocate$/, '')}`)
  assert.doesNotMatch(await page.locator('#officer').innerText(), /Unallocated/)

  assert.deepEqual(problems, [])
  await context.close()
})
