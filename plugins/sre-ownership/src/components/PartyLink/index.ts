export { PartyLink } from './PartyLink';
