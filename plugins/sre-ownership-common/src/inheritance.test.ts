import { Entity } from '@backstage/catalog-model';
import { InheritanceWalk, ownerRefOf, walkInheritance } from './inheritance';
import {
  aComponent,
  aDomain,
  aGroup,
  aSystem,
  aUser,
  lazyCatalog,
  lookupOf,
  refOf,
} from './__testUtils__/fixtures';

/** The walk as `relation ref` lines, nearest first. */
function chainOf(walk: InheritanceWalk) {
  return walk.links.map(link => `${link.relation} ${refOf(link.entity)}`);
}

const domain = aDomain({ name: 'commerce', owner: 'commerce-leads' });
const system = aSystem({ name: 'shop', domain: 'commerce' });
const org = aGroup({ name: 'engineering' });
const department = aGroup({ name: 'payments-dept', parent: 'engineering' });
const team = aGroup({ name: 'payments', parent: 'payments-dept' });
const service = aComponent({
  name: 'checkout',
  system: 'shop',
  owner: 'payments',
});
const catalog = [domain, system, org, department, team, service];

describe('walkInheritance', () => {
  it('walks entity, System, Domain, owner Group, then parent Groups up to the root', () => {
    const walk = walkInheritance(service, lookupOf(catalog));
    expect(chainOf(walk)).toEqual([
      'self component:default/checkout',
      'system system:default/shop',
      'domain domain:default/commerce',
      'owner group:default/payments',
      'parent-group group:default/payments-dept',
      'parent-group group:default/engineering',
    ]);
    expect(walk.unresolved).toEqual([]);
  });

  it('returns the looked-up entities themselves', () => {
    const walk = walkInheritance(service, lookupOf(catalog));
    expect(walk.links[0].entity).toBe(service);
    expect(walk.links[1].entity).toBe(system);
    expect(walk.links[3].entity).toBe(team);
  });

  it('lists refs not looked up yet as unresolved, and stops there', () => {
    const walk = walkInheritance(service, () => undefined);
    expect(chainOf(walk)).toEqual(['self component:default/checkout']);
    expect(walk.unresolved).toEqual([
      'system:default/shop',
      'group:default/payments',
    ]);
  });

  it('does not list refs known not to exist, and walks past them', () => {
    const walk = walkInheritance(service, lookupOf([team, org, department]));
    expect(chainOf(walk)).toEqual([
      'self component:default/checkout',
      'owner group:default/payments',
      'parent-group group:default/payments-dept',
      'parent-group group:default/engineering',
    ]);
    expect(walk.unresolved).toEqual([]);
  });

  it('reaches the Domain only once the System is known', () => {
    const lazy = lazyCatalog(catalog);
    lazy.fetch(['system:default/shop']);
    const walk = walkInheritance(service, lazy.lookup);
    expect(chainOf(walk)).toEqual([
      'self component:default/checkout',
      'system system:default/shop',
    ]);
    expect(walk.unresolved).toEqual([
      'domain:default/commerce',
      'group:default/payments',
    ]);
  });

  it('resolves relative refs against the namespace of the entity that holds them', () => {
    const shopDomain = aDomain({ name: 'commerce', namespace: 'shop' });
    const shopSystem = aSystem({
      name: 'cart',
      namespace: 'shop',
      domain: 'commerce',
    });
    const shopTeam = aGroup({
      name: 'cart-team',
      namespace: 'shop',
      parent: 'shop-leads',
    });
    const shopLeads = aGroup({ name: 'shop-leads', namespace: 'shop' });
    const cart = aComponent({
      name: 'cart-api',
      system: 'shop/cart',
      owner: 'shop/cart-team',
    });
    const walk = walkInheritance(
      cart,
      lookupOf([
        shopDomain,
        shopSystem,
        shopTeam,
        shopLeads,
        // Same names in the component's own namespace must not be picked up.
        aDomain({ name: 'commerce' }),
        aGroup({ name: 'shop-leads' }),
      ]),
    );
    expect(chainOf(walk)).toEqual([
      'self component:default/cart-api',
      'system system:shop/cart',
      'domain domain:shop/commerce',
      'owner group:shop/cart-team',
      'parent-group group:shop/shop-leads',
    ]);
  });

  it('starts a System at its Domain and a Domain at its owner', () => {
    const owned = aSystem({
      name: 'shop',
      domain: 'commerce',
      owner: 'payments',
    });
    expect(chainOf(walkInheritance(owned, lookupOf(catalog)))).toEqual([
      'self system:default/shop',
      'domain domain:default/commerce',
      'owner group:default/payments',
      'parent-group group:default/payments-dept',
      'parent-group group:default/engineering',
    ]);
    const walk = walkInheritance(domain, lookupOf([]));
    expect(chainOf(walk)).toEqual(['self domain:default/commerce']);
    expect(walk.unresolved).toEqual([]);
  });

  it('starts a Group at its parents', () => {
    expect(chainOf(walkInheritance(team, lookupOf(catalog)))).toEqual([
      'self group:default/payments',
      'parent-group group:default/payments-dept',
      'parent-group group:default/engineering',
    ]);
  });

  it('does not follow an owner that is a User', () => {
    const owned = aComponent({ owner: 'user:jane' });
    const walk = walkInheritance(owned, lookupOf([aUser({ name: 'jane' })]));
    expect(chainOf(walk)).toEqual(['self component:default/checkout']);
    expect(walk.unresolved).toEqual([]);
  });

  it('stops at a cycle of parent Groups', () => {
    const a = aGroup({ name: 'a', parent: 'b' });
    const b = aGroup({ name: 'b', parent: 'c' });
    const c = aGroup({ name: 'c', parent: 'a' });
    const owned = aComponent({ owner: 'a' });
    expect(chainOf(walkInheritance(owned, lookupOf([a, b, c])))).toEqual([
      'self component:default/checkout',
      'owner group:default/a',
      'parent-group group:default/b',
      'parent-group group:default/c',
    ]);
  });

  it('stops at a Group that is its own parent', () => {
    const selfish = aGroup({ name: 'selfish', parent: 'selfish' });
    expect(chainOf(walkInheritance(selfish, lookupOf([selfish])))).toEqual([
      'self group:default/selfish',
    ]);
  });

  it('ignores spec refs that are not strings or are malformed', () => {
    const odd: Entity = {
      ...aComponent(),
      spec: { type: 'service', system: 42, owner: 'group:' },
    };
    const walk = walkInheritance(odd, () => undefined);
    expect(chainOf(walk)).toEqual(['self component:default/checkout']);
    expect(walk.unresolved).toEqual([]);
  });
});

describe('ownerRefOf', () => {
  it('reads a bare owner as a Group in the entity namespace', () => {
    expect(ownerRefOf(aComponent({ namespace: 'shop', owner: 'cart' }))).toBe(
      'group:shop/cart',
    );
  });

  it('keeps an explicit kind and namespace', () => {
    expect(ownerRefOf(aComponent({ owner: 'user:ops/jane' }))).toBe(
      'user:ops/jane',
    );
  });

  it('is undefined without an owner', () => {
    expect(ownerRefOf(aComponent())).toBeUndefined();
  });
});
