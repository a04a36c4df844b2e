import { locateSloFile } from './sources';

describe('locateSloFile', () => {
  it('resolves a path against a url: location', () => {
    expect(
      locateSloFile(
        './slos.yaml',
        'url:https://github.com/acme/checkout/blob/main/catalog-info.yaml',
      ),
    ).toEqual({
      type: 'url',
      url: 'https://github.com/acme/checkout/blob/main/slos.yaml',
    });
  });

  it('resolves a path against a file: location, below its directory only', () => {
    expect(
      locateSloFile('slo/checkout.yaml', 'file:/repo/examples/components.yaml'),
    ).toEqual({
      type: 'file',
      path: '/repo/examples/slo/checkout.yaml',
    });
    expect(
      locateSloFile('../secrets.yaml', 'file:/repo/examples/components.yaml'),
    ).toMatchObject({
      type: 'invalid',
      message: expect.stringContaining(
        'leaves the directory of catalog-info.yaml',
      ),
    });
  });

  it('takes https URLs as they are and refuses what is not a YAML file', () => {
    expect(
      locateSloFile('https://slo.acme.com/checkout.yml', undefined),
    ).toEqual({
      type: 'url',
      url: 'https://slo.acme.com/checkout.yml',
    });
    expect(
      locateSloFile('./slos.json', 'file:/repo/catalog-info.yaml'),
    ).toMatchObject({ type: 'invalid' });
    expect(
      locateSloFile('/etc/slos.yaml', 'file:/repo/catalog-info.yaml'),
    ).toMatchObject({ type: 'invalid' });
    expect(locateSloFile('./slos.yaml', undefined)).toMatchObject({
      type: 'invalid',
      message: expect.stringContaining('sre-ownership.io/slos'),
    });
  });
});
