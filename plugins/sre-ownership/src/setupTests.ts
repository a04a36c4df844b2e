import '@testing-library/jest-dom';

// Each component test boots a Backstage test app (theme, APIs, router); on a
// two-core machine that alone can take several seconds, so jest's 5 s default
// fails tests that are merely slow. Real hangs still fail, after 30 s.
jest.setTimeout(30_000);
