CREATE TABLE `payroll_ledger_rows` (
	`period` text NOT NULL,
	`ledger` text NOT NULL,
	`rows_json` text NOT NULL,
	`row_count` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payroll_ledger_rows_uq` ON `payroll_ledger_rows` (`period`,`ledger`);