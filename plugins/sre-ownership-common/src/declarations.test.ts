import { SRE_OWNERSHIP_ANNOTATIONS as KEYS } from './annotations';
import { readEntityDeclarations, splitList } from './declarations';
import { SPECIALIST_ROLES, SPECIALIST_ROLE_INFO } from './specialists';
import {
  aComponent,
  aGroup,
  aUser,
  SreDeclarations,
} from './__testUtils__/fixtures';

const CHECKOUT = 'component:shop/checkout';

/** Declarations of the `checkout` component in namespace `shop`. */
function declare(declarations: SreDeclarations) {
  return readEntityDeclarations(
    aComponent({ namespace: 'shop', sre: declarations }),
  );
}

/** A problem on `checkout` with these fields and a message containing `text`. */
function problem(
  annotation: string,
  value: string,
  text: string,
  severity: 'error' | 'warning' = 'error',
) {
  return {
    entityRef: CHECKOUT,
    annotation,
    value,
    severity,
    message: expect.stringContaining(text),
  };
}

describe('splitList', () => {
  it('splits on commas, semicolons and newlines and trims each item', () => {
    expect(splitList(' a, b;c\n d \n')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('drops blank items', () => {
    expect(splitList('a,, ;\n\n b')).toEqual(['a', 'b']);
  });

  it('returns no items for undefined or blank input', () => {
    expect(splitList(undefined)).toEqual([]);
    expect(splitList('  ')).toEqual([]);
  });
});

describe('readEntityDeclarations', () => {
  it('declares nothing, and reports nothing, for an entity without annotations', () => {
    expect(readEntityDeclarations(aComponent())).toEqual({
      entityRef: 'component:default/checkout',
      specialists: {},
      responsibilities: {},
      contacts: {},
      problems: [],
    });
  });

  it('ignores annotations outside the sre-ownership.io/ namespace', () => {
    const declarations = readEntityDeclarations(
      aComponent({ annotations: { 'other.io/model': 'banana' } }),
    );
    expect(declarations.model).toBeUndefined();
    expect(declarations.problems).toEqual([]);
  });

  it('reads a complete, valid declaration with refs relative to the entity namespace', () => {
    expect(
      declare({
        model: 'hybrid',
        platformTeam: 'platform-sre',
        embeddedSres: 'mei-lin, group:default/checkout-sre',
        educator: 'ana',
        sloGuard: 'user:default/bo, cy',
        infrastructureArchitect: 'dee',
        incidentResponseLeader: 'eve\nfin',
        responsibilities: 'runbooks=product, capacity=platform',
        escalation:
          'oncall:checkout-team\nuser:eve after 15m\ngroup:platform-sre after 1h',
        chatChannel: '#checkout-oncall',
        email: 'checkout-sre@example.com',
        timezone: 'Europe/London',
      }),
    ).toEqual({
      entityRef: CHECKOUT,
      model: 'hybrid',
      platformTeam: 'group:shop/platform-sre',
      embeddedSres: ['user:shop/mei-lin', 'group:default/checkout-sre'],
      specialists: {
        educator: ['user:shop/ana'],
        'slo-guard': ['user:default/bo', 'user:shop/cy'],
        'infrastructure-architect': ['user:shop/dee'],
        'incident-response-leader': ['user:shop/eve', 'user:shop/fin'],
      },
      responsibilities: { runbooks: 'product', capacity: 'platform' },
      escalation: [
        { type: 'oncall', ref: 'group:shop/checkout-team', afterMinutes: 0 },
        { type: 'user', ref: 'user:shop/eve', afterMinutes: 15 },
        { type: 'group', ref: 'group:shop/platform-sre', afterMinutes: 60 },
      ],
      contacts: {
        chatChannel: '#checkout-oncall',
        email: 'checkout-sre@example.com',
      },
      timezone: 'Europe/London',
      problems: [],
    });
  });

  it('reads declarations of Groups and Users too', () => {
    expect(
      readEntityDeclarations(aGroup({ sre: { model: 'platform' } })).model,
    ).toBe('platform');
    expect(
      readEntityDeclarations(aUser({ sre: { timezone: 'Asia/Tokyo' } }))
        .timezone,
    ).toBe('Asia/Tokyo');
  });

  describe('model', () => {
    it.each([
      ['platform', 'platform'],
      ['embedded', 'embedded'],
      ['Hybrid', 'hybrid'],
      [' SELF-MANAGED ', 'self-managed'],
    ])('reads %j as %j', (raw, model) => {
      const declarations = declare({ model: raw });
      expect(declarations.model).toBe(model);
      expect(declarations.problems).toEqual([]);
    });

    it('rejects an unknown model, naming the valid ones', () => {
      const declarations = declare({ model: 'embeded' });
      expect(declarations.model).toBeUndefined();
      expect(declarations.problems).toEqual([
        problem(
          KEYS.model,
          'embeded',
          'is not an ownership model; use one of platform, embedded, hybrid, self-managed',
        ),
      ]);
    });

    it('rejects an empty model', () => {
      const declarations = declare({ model: ' ' });
      expect(declarations.model).toBeUndefined();
      expect(declarations.problems).toEqual([
        problem(KEYS.model, '', 'is not an ownership model'),
      ]);
    });
  });

  describe('platform-team', () => {
    it('reads a bare name as a Group in the entity namespace', () => {
      expect(declare({ platformTeam: 'platform-sre' }).platformTeam).toBe(
        'group:shop/platform-sre',
      );
    });

    it('keeps an explicit namespace and lower-cases the ref', () => {
      expect(
        declare({ platformTeam: 'Group:Default/Platform-SRE' }).platformTeam,
      ).toBe('group:default/platform-sre');
    });

    it('rejects a ref of another kind', () => {
      const declarations = declare({ platformTeam: 'user:jane' });
      expect(declarations.platformTeam).toBeUndefined();
      expect(declarations.problems).toEqual([
        problem(
          KEYS.platformTeam,
          'user:jane',
          'refers to a user; only group: refs are allowed here',
        ),
      ]);
    });

    it('rejects a malformed ref and says how to write one', () => {
      const declarations = declare({ platformTeam: 'group:' });
      expect(declarations.platformTeam).toBeUndefined();
      expect(declarations.problems).toEqual([
        problem(
          KEYS.platformTeam,
          'group:',
          '"group:" is not an entity ref; write it as [kind:][namespace/]name',
        ),
      ]);
    });

    it('rejects an empty declaration', () => {
      const declarations = declare({ platformTeam: ' , ' });
      expect(declarations.platformTeam).toBeUndefined();
      expect(declarations.problems).toEqual([
        problem(KEYS.platformTeam, ',', 'names no team'),
      ]);
    });

    it('uses the first of several teams and warns', () => {
      const declarations = declare({ platformTeam: 'platform-sre, infra-sre' });
      expect(declarations.platformTeam).toBe('group:shop/platform-sre');
      expect(declarations.problems).toEqual([
        problem(
          KEYS.platformTeam,
          'platform-sre, infra-sre',
          'names 2 teams; a service has one platform team, so group:shop/platform-sre is used',
          'warning',
        ),
      ]);
    });

    it('does not warn when the same team is written twice', () => {
      const declarations = declare({
        platformTeam: 'platform-sre, group:shop/platform-sre',
      });
      expect(declarations.platformTeam).toBe('group:shop/platform-sre');
      expect(declarations.problems).toEqual([]);
    });
  });

  describe('embedded-sres', () => {
    it('reads bare names as Users and accepts Groups, without duplicates', () => {
      expect(
        declare({
          embeddedSres: 'mei-lin; group:checkout-sre\nuser:shop/mei-lin',
        }).embeddedSres,
      ).toEqual(['user:shop/mei-lin', 'group:shop/checkout-sre']);
    });

    it('keeps the valid refs when one is of a wrong kind', () => {
      const declarations = declare({
        embeddedSres: 'mei-lin, component:checkout',
      });
      expect(declarations.embeddedSres).toEqual(['user:shop/mei-lin']);
      expect(declarations.problems).toEqual([
        problem(
          KEYS.embeddedSres,
          'component:checkout',
          'refers to a component; only user: or group: refs are allowed here',
        ),
      ]);
    });

    it('declares nothing when every ref is malformed', () => {
      const declarations = declare({ embeddedSres: 'user:, :x' });
      expect(declarations.embeddedSres).toBeUndefined();
      expect(declarations.problems).toEqual([
        problem(KEYS.embeddedSres, 'user:', 'is not an entity ref'),
        problem(KEYS.embeddedSres, ':x', 'is not an entity ref'),
      ]);
    });

    it('rejects an empty declaration', () => {
      const declarations = declare({ embeddedSres: '' });
      expect(declarations.embeddedSres).toBeUndefined();
      expect(declarations.problems).toEqual([
        problem(KEYS.embeddedSres, '', 'names no SRE'),
      ]);
    });
  });

  describe.each(SPECIALIST_ROLES.map(role => [role]))('specialist %s', role => {
    const annotation = SPECIALIST_ROLE_INFO[role].annotation;
    const declareRole = (value: string) =>
      readEntityDeclarations(
        aComponent({
          namespace: 'shop',
          annotations: { [annotation]: value },
        }),
      );

    it('reads the primary first, then the backups', () => {
      const declarations = declareRole('ana, user:default/bo, cy');
      expect(declarations.specialists).toEqual({
        [role]: ['user:shop/ana', 'user:default/bo', 'user:shop/cy'],
      });
      expect(declarations.problems).toEqual([]);
    });

    it('rejects a Group: a role is held by people', () => {
      const declarations = declareRole('group:payments, ana');
      expect(declarations.specialists).toEqual({ [role]: ['user:shop/ana'] });
      expect(declarations.problems).toEqual([
        problem(
          annotation,
          'group:payments',
          'refers to a group; only user: refs are allowed here',
        ),
      ]);
    });

    it('rejects an empty role', () => {
      const declarations = declareRole('  ');
      expect(declarations.specialists).toEqual({});
      expect(declarations.problems).toEqual([
        problem(
          annotation,
          '',
          'names no person; list at least one ref or remove the annotation',
        ),
      ]);
    });

    it('declares nothing for the role when its only ref is malformed', () => {
      const declarations = declareRole('user:shop/');
      expect(declarations.specialists).toEqual({});
      expect(declarations.problems).toEqual([
        problem(annotation, 'user:shop/', 'is not an entity ref'),
      ]);
    });
  });

  describe('responsibilities', () => {
    it('reads each cell, case-insensitively and with spaces around =', () => {
      const declarations = declare({
        responsibilities:
          'Runbooks = Embedded; on-call=platform\nslo-definition=shared',
      });
      expect(declarations.responsibilities).toEqual({
        runbooks: 'embedded',
        'on-call': 'platform',
        'slo-definition': 'shared',
      });
      expect(declarations.problems).toEqual([]);
    });

    it('rejects an unknown area and keeps the other cells', () => {
      const declarations = declare({
        responsibilities: 'runbook=embedded, capacity=platform',
      });
      expect(declarations.responsibilities).toEqual({ capacity: 'platform' });
      expect(declarations.problems).toEqual([
        problem(
          KEYS.responsibilities,
          'runbook=embedded',
          '"runbook" is not an area; use one of monitoring, deployment-pipelines, incident-tooling, slo-definition, on-call, capacity, postmortems, runbooks',
        ),
      ]);
    });

    it('rejects an unknown provider', () => {
      const declarations = declare({ responsibilities: 'runbooks=sre' });
      expect(declarations.responsibilities).toEqual({});
      expect(declarations.problems).toEqual([
        problem(
          KEYS.responsibilities,
          'runbooks=sre',
          '"sre" is not a provider; use one of platform, embedded, product, shared',
        ),
      ]);
    });

    it('rejects an empty provider', () => {
      const declarations = declare({ responsibilities: 'runbooks=' });
      expect(declarations.responsibilities).toEqual({});
      expect(declarations.problems).toEqual([
        problem(KEYS.responsibilities, 'runbooks=', '"" is not a provider'),
      ]);
    });

    it.each([['runbooks'], ['runbooks=embedded=platform']])(
      'rejects the malformed cell %j',
      cell => {
        const declarations = declare({ responsibilities: cell });
        expect(declarations.responsibilities).toEqual({});
        expect(declarations.problems).toEqual([
          problem(
            KEYS.responsibilities,
            cell,
            'write each cell as area=provider, for example runbooks=embedded',
          ),
        ]);
      },
    );
  });

  describe('escalation', () => {
    it('reads one level per line; the first is paged at once', () => {
      expect(
        declare({
          escalation:
            'oncall:checkout-team\nuser:eve after 10m\ngroup:platform-sre after 1h30m',
        }).escalation,
      ).toEqual([
        { type: 'oncall', ref: 'group:shop/checkout-team', afterMinutes: 0 },
        { type: 'user', ref: 'user:shop/eve', afterMinutes: 10 },
        { type: 'group', ref: 'group:shop/platform-sre', afterMinutes: 90 },
      ]);
    });

    it.each([
      ['semicolons', 'user:ana; user:bo after 5m'],
      ['commas', 'user:ana, user:bo after 5m'],
    ])('accepts levels separated by %s', (_, escalation) => {
      expect(declare({ escalation }).escalation).toEqual([
        { type: 'user', ref: 'user:shop/ana', afterMinutes: 0 },
        { type: 'user', ref: 'user:shop/bo', afterMinutes: 5 },
      ]);
    });

    it('accepts a delay on the first level, any case of "after" and kind, and a namespace', () => {
      expect(
        declare({
          escalation: 'OnCall:default/sre after 2m\nUSER:ops/jo AFTER 1h',
        }).escalation,
      ).toEqual([
        { type: 'oncall', ref: 'group:default/sre', afterMinutes: 2 },
        { type: 'user', ref: 'user:ops/jo', afterMinutes: 60 },
      ]);
    });

    it('discards the whole path when one level has a bad delay', () => {
      const declarations = declare({
        escalation: 'user:ana\nuser:bo after soon\nuser:cy after 30m',
      });
      expect(declarations.escalation).toBeUndefined();
      expect(declarations.problems).toEqual([
        problem(
          KEYS.escalation,
          'user:bo after soon',
          '"soon" is not a delay; write minutes, hours or seconds such as 5m, 1h, 1h30m or 90s',
        ),
      ]);
    });

    it('rejects a level that does not come later than the one before', () => {
      const declarations = declare({
        escalation: 'user:ana after 10m\nuser:bo after 10m',
      });
      expect(declarations.escalation).toBeUndefined();
      expect(declarations.problems).toEqual([
        problem(
          KEYS.escalation,
          'user:bo after 10m',
          'is paged 10 minutes after the page is raised, not after the previous level (10 minutes); delays count from the start of the page and must increase',
        ),
      ]);
    });

    it('rejects a delay written as if it counted from the previous level', () => {
      const declarations = declare({
        escalation: 'user:ana\nuser:bo after 15m\nuser:cy after 5m',
      });
      expect(declarations.escalation).toBeUndefined();
      expect(declarations.problems).toEqual([
        problem(
          KEYS.escalation,
          'user:cy after 5m',
          'is paged 5 minutes after the page is raised, not after the previous level (15 minutes)',
        ),
      ]);
    });

    it('rejects a later level without a delay, suggesting one', () => {
      const declarations = declare({
        escalation: 'user:ana after 5m\ngroup:platform-sre',
      });
      expect(declarations.escalation).toBeUndefined();
      expect(declarations.problems).toEqual([
        problem(
          KEYS.escalation,
          'group:platform-sre',
          'needs a delay: say when it is paged, for example "group:platform-sre after 20m"',
        ),
      ]);
    });

    it.each([['jane-doe'], ['team:payments'], ['component:checkout']])(
      'rejects the target %j, which names no target kind',
      target => {
        const declarations = declare({ escalation: `${target} after 5m` });
        expect(declarations.escalation).toBeUndefined();
        expect(declarations.problems).toEqual([
          problem(
            KEYS.escalation,
            `${target} after 5m`,
            `"${target}" needs a target kind: user:<name>, group:<name> or oncall:<group name>`,
          ),
        ]);
      },
    );

    it('rejects an on-call rotation of a User', () => {
      const declarations = declare({ escalation: 'oncall:user:jane' });
      expect(declarations.escalation).toBeUndefined();
      expect(declarations.problems).toEqual([
        problem(
          KEYS.escalation,
          'user:jane',
          'refers to a user; only group: refs are allowed here',
        ),
      ]);
    });

    it.each([['user:'], ['oncall:'], ['group:shop/']])(
      'rejects the malformed ref %j',
      target => {
        const declarations = declare({ escalation: target });
        expect(declarations.escalation).toBeUndefined();
        expect(declarations.problems).toEqual([
          expect.objectContaining({
            entityRef: CHECKOUT,
            annotation: KEYS.escalation,
            message: expect.stringContaining('is not an entity ref'),
          }),
        ]);
      },
    );

    it.each([['user:ana 15m'], ['user:ana after'], ['user:ana then user:bo']])(
      'rejects the level %j, which is not "<target> [after <delay>]"',
      level => {
        const declarations = declare({ escalation: level });
        expect(declarations.escalation).toBeUndefined();
        expect(declarations.problems).toEqual([
          problem(
            KEYS.escalation,
            level,
            'write each level as <target> [after <delay>]',
          ),
        ]);
      },
    );

    it('rejects a path with no level', () => {
      const declarations = declare({ escalation: ' \n ; ' });
      expect(declarations.escalation).toBeUndefined();
      expect(declarations.problems).toEqual([
        problem(
          KEYS.escalation,
          ';',
          'declares no level; list at least one target, one per line',
        ),
      ]);
    });

    it('reports every broken level, not just the first', () => {
      const declarations = declare({
        escalation: 'jane\nuser:bo after never\nuser:cy after 5m',
      });
      expect(declarations.escalation).toBeUndefined();
      expect(declarations.problems.map(p => p.value)).toEqual([
        'jane',
        'user:bo after never',
      ]);
    });
  });

  describe('contacts', () => {
    it('reads a chat channel and ignores a blank one', () => {
      expect(declare({ chatChannel: ' #checkout ' }).contacts).toEqual({
        chatChannel: '#checkout',
      });
      expect(declare({ chatChannel: '  ' }).contacts).toEqual({});
    });

    it('reads an e-mail address', () => {
      expect(declare({ email: 'sre@example.com' }).contacts).toEqual({
        email: 'sre@example.com',
      });
    });

    it.each([
      ['checkout-sre'],
      ['sre@'],
      ['@example.com'],
      ['a b@example.com'],
      [''],
    ])('rejects the e-mail address %j and says how to write one', email => {
      const declarations = declare({ email });
      expect(declarations.contacts).toEqual({});
      expect(declarations.problems).toEqual([
        problem(
          KEYS.email,
          email,
          'is not an e-mail address; write it as name@domain',
        ),
      ]);
    });
  });

  describe('timezone', () => {
    it.each([['Europe/London'], ['America/New_York'], ['UTC']])(
      'accepts %j',
      timezone => {
        const declarations = declare({ timezone });
        expect(declarations.timezone).toBe(timezone);
        expect(declarations.problems).toEqual([]);
      },
    );

    it.each([['Mars/Olympus_Mons'], ['London'], ['']])(
      'rejects %j',
      timezone => {
        const declarations = declare({ timezone });
        expect(declarations.timezone).toBeUndefined();
        expect(declarations.problems).toEqual([
          problem(
            KEYS.timezone,
            timezone,
            'is not an IANA time zone; use a name such as Europe/London',
          ),
        ]);
      },
    );
  });

  it('never throws: every broken key yields its own problem and the rest still reads', () => {
    const declarations = declare({
      model: 'centralised',
      platformTeam: 'user:jane',
      embeddedSres: ',',
      educator: 'group:teachers',
      responsibilities: 'everything=platform',
      escalation: 'user:ana after 1 minute',
      chatChannel: '#still-read',
      email: 'not-an-address',
      timezone: 'Nowhere/Special',
    });
    expect(declarations.problems.map(p => p.annotation)).toEqual([
      KEYS.model,
      KEYS.platformTeam,
      KEYS.embeddedSres,
      KEYS.educator,
      KEYS.responsibilities,
      KEYS.escalation,
      KEYS.email,
      KEYS.timezone,
    ]);
    expect(declarations.problems.every(p => p.entityRef === CHECKOUT)).toBe(
      true,
    );
    expect(declarations.contacts).toEqual({ chatChannel: '#still-read' });
  });
});

describe('the alert selector', () => {
  it('reads every label=value pair, all of which must match', () => {
    expect(
      declare({ alertSelector: 'service=payments, env = prod' }).alertSelector,
    ).toEqual([
      { label: 'service', value: 'payments' },
      { label: 'env', value: 'prod' },
    ]);
  });

  it('reports each bad item instead of dropping it silently', () => {
    const declarations = declare({
      alertSelector: 'service=payments, env, 9x=1',
    });
    expect(declarations.alertSelector).toEqual([
      { label: 'service', value: 'payments' },
    ]);
    expect(declarations.problems).toEqual([
      problem(KEYS.alertSelector, 'env', 'write each label as name=value'),
      problem(KEYS.alertSelector, '9x=1', 'write each label as name=value'),
    ]);
  });

  it('says when a selector matches no alert at all', () => {
    expect(declare({ alertSelector: 'servce:payments' }).problems).toEqual([
      problem(KEYS.alertSelector, 'servce:payments', 'name=value'),
      problem(KEYS.alertSelector, 'servce:payments', 'matches no alert'),
    ]);
  });
});
