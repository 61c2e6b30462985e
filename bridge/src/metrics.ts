import client from 'prom-client';

/**
 * The bridge's Prometheus metrics, in one registry. What is counted as it happens lives here; what is
 * read from the database (checkouts by status, the outbox backlog) is collected at scrape time, so every
 * process of a scaled-out bridge reports the same shared numbers for those.
 */
export const registry = new client.Registry();

export const metrics = {
	httpRequests: new client.Histogram( {
		name: 'ccb_http_request_duration_seconds',
		help: 'HTTP requests by route, method and status',
		labelNames: [ 'route', 'method', 'status' ] as const,
		buckets: [ 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 ],
		registers: [ registry ],
	} ),
	processorCalls: new client.Histogram( {
		name: 'ccb_processor_call_duration_seconds',
		help: 'Calls to the payment processor by endpoint and outcome (ok, unavailable, rejected, auth_failed)',
		labelNames: [ 'endpoint', 'outcome' ] as const,
		buckets: [ 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15 ],
		registers: [ registry ],
	} ),
	eventDelivery: new client.Histogram( {
		name: 'ccb_event_delivery_latency_seconds',
		help: 'Time from an event being queued to the shop acknowledging it',
		buckets: [ 0.05, 0.1, 0.5, 1, 5, 30, 60, 300, 3600, 86400 ],
		registers: [ registry ],
	} ),
	dbStatements: new client.Counter( {
		name: 'ccb_db_statements_total',
		help: 'SQL statements the bridge sent to its database (transaction BEGIN and COMMIT included)',
		registers: [ registry ],
	} ),
	eventFailures: new client.Counter( {
		name: 'ccb_event_delivery_failures_total',
		help: 'Event deliveries the shop did not acknowledge',
		registers: [ registry ],
	} ),
};

client.collectDefaultMetrics( { register: registry, prefix: 'ccb_' } );

interface DatabaseReader {
	checkoutsByStatus: () => Promise< Array< { status: string; n: number } > >;
	outboxBacklog: () => Promise< number >;
}
let reader: DatabaseReader | null = null;

/** Where the scrape-time gauges read from: the process's database (one bridge per process). */
export function registerDatabaseGauges( read: DatabaseReader ): void {
	reader = read;
}

new client.Gauge( {
	name: 'ccb_checkouts',
	help: 'Checkouts by status',
	labelNames: [ 'status' ] as const,
	registers: [ registry ],
	async collect() {
		this.reset();
		for ( const row of ( await reader?.checkoutsByStatus() ) ?? [] )
			this.set( { status: row.status }, row.n );
	},
} );
new client.Gauge( {
	name: 'ccb_outbox_backlog',
	help: 'Events waiting to be delivered to shops',
	registers: [ registry ],
	async collect() {
		this.set( ( await reader?.outboxBacklog() ) ?? 0 );
	},
} );
