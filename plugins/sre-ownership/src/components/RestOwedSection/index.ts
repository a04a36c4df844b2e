export { RestOwedSection } from './RestOwedSection';
