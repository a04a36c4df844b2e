import {
  FeedError,
  feedFailure,
  maskFeedUrl,
  maskForLog,
  urlReadFailure,
} from './feedErrors';

describe('maskFeedUrl', () => {
  it.each([
    [
      'https://acme.pagerduty.com/private/SECRET/feed/schedule/P1.ics?token=SECRET',
      'https://acme.pagerduty.com/…',
    ],
    [
      'http://user:SECRET@feeds.example:8080/SECRET.ics',
      'http://feeds.example:8080/…',
    ],
    [
      'webcal://acme.pagerduty.com/private/SECRET',
      'webcal://acme.pagerduty.com/…',
    ],
    ['file:///srv/SECRET/rota.ics', 'file:…'],
    ['../SECRET/rota.ics', 'file:…'],
    ['https://[SECRET', 'https:…'],
  ])('shows %s as %s', (url, masked) => {
    expect(maskFeedUrl(url)).toBe(masked);
  });
});

describe('maskForLog', () => {
  it('masks the feed URL, any other URL and quoted paths, and bounds the length', () => {
    const text = `Unable to read https://a.example/SECRET?x=SECRET, open '/srv/SECRET/rota.ics' then http://b.example/SECRET ${'x'.repeat(
      2000,
    )}`;
    const masked = maskForLog(text, ['https://a.example/SECRET?x=SECRET']);
    expect(masked).not.toMatch(/SECRET/);
    expect(masked).toMatch(
      /^Unable to read https:\/\/a\.example\/…, open 'file:…' then http:\/\/b\.example\/… x/,
    );
    expect(masked.length).toBeLessThanOrEqual(1001);
  });
});

describe('feedFailure', () => {
  it('keeps a FeedError and replaces any other error by a fixed message for its stage', () => {
    const sql = new Error(
      'insert into "oncall_shifts" ("external_id") values ($1) - value too long',
    );
    expect(feedFailure(sql, 'store')).toEqual({
      failure: new FeedError(
        'its shifts could not be stored: a database error, logged by the backend',
      ),
      internal: true,
    });
    const known = new FeedError('is not an iCalendar (RFC 5545) feed');
    expect(feedFailure(known, 'parse')).toEqual({
      failure: known,
      internal: false,
    });
  });
});

describe('urlReadFailure', () => {
  it('passes on an error it does not know, for the caller to replace and log', () => {
    const odd = new TypeError('something at https://a.example/SECRET');
    expect(urlReadFailure(odd, 'https://a.example/SECRET')).toBe(odd);
  });
});
