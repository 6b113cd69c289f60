/** Assembles the schema from one file per feature. */
import { builder } from '../builder.js';
import './errors.js';
import './enums.js';
import './staff.js';
import './clients.js';
import './inquiries.js';
import './kintone-sync.js';
import './gstaff.js';
import './notifications.js';
import './hearing-sheets.js';
import './assignment.js';
import './visits.js';
import './applications.js';
import './sync.js';
import './overdue.js';
import './signing.js';
import './dashboard.js';
import './contracts.js';
import './individual-contracts.js';
import './orders.js';

export const schema = builder.toSchema({ sortSchema: true });
