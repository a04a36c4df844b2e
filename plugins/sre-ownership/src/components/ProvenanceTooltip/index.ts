export { ProvenanceTooltip } from './ProvenanceTooltip';
