import { ValueSource } from './resolved';

/**
 * One sentence saying where a resolved value came from, shown when a user
 * hovers the value so they can see why the card says what it says.
 *
 * @public
 */
export function describeSource(source: ValueSource): string {
  switch (source.type) {
    case 'entity':
      return `${
        source.relation === 'self' ? 'Declared on' : 'Inherited from'
      } ${source.entityRef} (${source.annotation})`;
    case 'config':
      return `From app-config ${source.key}`;
    case 'default':
      return capitalize(source.description);
    case 'derived':
      return `Derived: ${source.description}`;
    default:
      return 'Unknown source';
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('en-US') + text.slice(1);
}
