/** Entry of `crumb-receipts.js`: loaded only on a site with `data-receipt-url`, as the widget takes the core over. */
import { handOver } from '../chunks';
import { sendDecisionReceipt } from './send-receipt';

handOver({ sendDecisionReceipt });
