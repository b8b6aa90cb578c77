import { SetMetadata } from '@nestjs/common';

export const MANAGES_OWN_TRANSACTIONS = 'standpoint:manages-own-transactions';

/**
 * Marks a mutation that is not run in one transaction by the TransactionInterceptor, because part
 * of its work must not hold the database while it runs (checking a password with argon2 takes a
 * CPU core for a good part of a second). Its service runs whatever it writes in
 * `TransactionRunner.run`, as short as it can be.
 */
export const ManagesOwnTransactions = () => SetMetadata(MANAGES_OWN_TRANSACTIONS, true);
