// Rooms in real Chromium: a practitioner opens Rooms from the navigation, an office's room diary
// (and the next day), and the room finder for a weekday ahead; an administrator opens the rooms
// of an office and the form to change one. axe checks each page against WCAG 2.2 AA.
// scripts/browser-tests.sh starts the server and sets PROBITY_URL and PROBITY_DEMO_PASSWORD.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { base, expectAccessible, newPage, signIn } from './support.mjs'

// The next weekday after today, as YYYY-MM-DD: the demo rooms are open 08:00 to 20:00 then.
function nextWeekday () {
  const d = new Date()
  do d.setUTCDate(d.getUTCDate() + 1)
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6)
  return d.toISOString().slice(0, 10)
}

test('a practitioner reads an office room diary and finds a free room', async () => {
  const { context, page, problems } = await newPage()
  await signIn(page, 'demo.po1')
  await page.getByRole('link', { name: 'Rooms', exact: true }).click()
  assert.equal(page.url(), `${base}/offices`)
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Room diary for Wallsend Probation Office' }).click()
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /^Room diary: /)
  assert.ok(await page.locator('#room-diary tbody tr').count() >= 8, 'a row per demo room')
  await expectAccessible(page)
  await page.locator('#next-day').click()
  assert.match(page.url(), /\/offices\/NE-WALL\/diary\?date=\d{4}-\d{2}-\d{2}$/)
  await expectAccessible(page)

  await page.goto(`${base}/offices/NE-WALL/room-finder`)
  await page.getByLabel('Date').fill(nextWeekday())
  await page.getByLabel('Time').fill('10:00')
  await page.getByLabel('Length in minutes').fill('45')
  await page.getByRole('button', { name: 'Find rooms' }).click()
  await page.locator('#results').waitFor()
  assert.ok(await page.locator('#free-rooms tbody tr').count() > 0, 'some room is free')
  assert.ok(await page.locator('#free-times li').count() > 0, 'some time is free')
  await expectAccessible(page)

  // A refused search shows the GOV.UK error summary.
  await page.getByLabel('Time').fill('ten')
  await page.getByRole('button', { name: 'Find rooms' }).click()
  await page.locator('.govuk-error-summary').waitFor()
  await expectAccessible(page)

  assert.deepEqual(problems, [])
  await context.close()
})

test('an administrator opens an office rooms and the form to change one', async () => {
  const { context, page, problems } = await newPage()
  await signIn(page, 'demo.admin')
  await page.goto(`${base}/offices`)
  await page.getByRole('link', { name: 'Add or change rooms at Wallsend Probation Office' }).click()
  assert.equal(page.url(), `${base}/offices/NE-WALL/rooms`)
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Change Interview room 1' }).click()
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /^Change Interview room 1/)
  await expectAccessible(page)
  assert.deepEqual(problems, [])
  await context.close()
})
