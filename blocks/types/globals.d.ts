import type { Level } from '@ccb/contract/levels';
import type { Threshold } from '@ccb/contract/threshold';

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
