import type { Level } from '../../bridge/src/contract/levels';
import type { Threshold } from '../../bridge/src/contract/threshold';

declare global {
	interface Window {
		ccbEditorSettings?: {
			siteLevel: Level;
			threshold: Threshold | null;
			settingsUrl: string;
			billingCurrencies?: string[] | null;
		};
		ccbAdmin?: {
			settingsUrl?: string;
			paymentsUrl?: string;
			customersUrl?: string;
		};
	}
}
export {};
