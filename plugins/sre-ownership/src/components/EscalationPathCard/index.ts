export { EscalationPathCard } from './EscalationPathCard';
