/** Entry of `crumb-receipts.js`: loaded only on a site with `data-receipt-url`, asked for by the core with the widget. */
import { handOver } from '../chunks';
import { sendDecisionReceipt } from './send-receipt';

handOver({ sendDecisionReceipt });
