// End-to-end scenarios for rest owed and compensation: the overloaded demo
// team (payments, paged at night on a 24/7 rotation of two) shows the rest
// owed to its engineers with the reasons, and its compensation CSV downloads
// from the team burden card with a header row and a row per engineer and band.
import { readFile } from 'node:fs/promises';

const CSV_HEADER =
  'team_ref,user_ref,timezone,member,period_from,period_to,band,on_call_minutes,pages,response_minutes';

/** Runs the rest and compensation scenarios; `scenario` records each. */
export async function restScenarios({
  page,
  scenario,
  card,
  openEntityPage,
  artifacts,
  join,
}) {
  await scenario(
    page,
    'the payments Group page shows the rest owed to its engineers, with reasons',
    async () => {
      await openEntityPage(
        page,
        '/catalog/default/group/payments',
        'Rest owed and compensation',
      );
      const table = card('On-call burden').getByRole('table', {
        name: 'Rest owed per engineer',
      });
      const jane = table.getByRole('row', { name: /jane/i });
      await jane
        .getByText(/^Pages in sleep hours: \d+/)
        .waitFor({ timeout: 15000 });
      await jane
        .getByText(/^12-hour shifts above the pages limit: \d+/)
        .waitFor({ timeout: 15000 });
      await jane.getByText(/^All \d+ reasons$/).click();
      await jane
        .getByText(/Paged during sleep hours at .* Europe\/London/)
        .first()
        .waitFor({ timeout: 15000 });
      await jane
        .getByText(/pages in the 12 hours on call from .* above the limit/)
        .first()
        .waitFor({ timeout: 15000 });
      await page.screenshot({
        path: join(artifacts, 'payments-rest-owed.png'),
        fullPage: true,
      });
    },
  );

  await scenario(
    page,
    'the payments compensation CSV downloads with a row per engineer and band',
    async () => {
      const burden = card('On-call burden');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 30000 }),
        burden.getByRole('button', { name: 'Compensation CSV' }).click(),
      ]);
      if (!/^compensation-payments-.*\.csv$/.test(download.suggestedFilename()))
        throw new Error(`downloaded ${download.suggestedFilename()}`);
      const path = join(artifacts, 'payments-compensation.csv');
      await download.saveAs(path);
      const lines = (await readFile(path, 'utf8')).trim().split('\r\n');
      if (lines[0] !== CSV_HEADER)
        throw new Error(`header row is "${lines[0]}"`);
      const jane = lines.filter(line =>
        line.startsWith('group:default/payments,user:default/jane-doe,'),
      );
      const bands = jane.map(line => line.split(',')[6]);
      if (bands.join() !== 'weekday-business,weekday-outside,weekend,holiday')
        throw new Error(`jane-doe's rows have bands ${bands.join()}`);
      const onCallMinutes = jane.reduce(
        (sum, line) => sum + Number(line.split(',')[7]),
        0,
      );
      if (!(onCallMinutes > 0))
        throw new Error('jane-doe has no on-call minutes in the CSV');
    },
  );
}
