// End-to-end tests talk to real servers on a shared 2-core machine: give each test time.
jest.setTimeout(60_000);
