package org.healthportal.cms.platform;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs something once the caller's transaction has committed, never if it rolls back. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** False, with nothing registered, when there is no active transaction to wait for. */
    public static boolean register(TransactionSynchronizationRegistry transactions, Runnable action) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return false;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing: what the transaction writes is written with it.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
        return true;
    }
}
