/** Entry of `crumb-receipts.js`: loaded when a site with `data-receipt-url` gets a decision. */
import { handOver } from '../chunks';
import { sendDecisionReceipt } from './send-receipt';

handOver({ sendDecisionReceipt });
