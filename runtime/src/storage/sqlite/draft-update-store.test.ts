import { describeDraftUpdateStoreContract } from '../../collab/update-store-contract.js';
import { openAuthoringTestDatabase } from './authoring-test-database.js';
import { createSqliteDraftUpdateStore } from './draft-update-store.js';

describeDraftUpdateStoreContract('SQLite draft update store', () => createSqliteDraftUpdateStore(openAuthoringTestDatabase(), () => '2026-01-01T00:00:00.000Z'));
