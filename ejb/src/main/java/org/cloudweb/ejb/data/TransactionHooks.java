package org.cloudweb.ejb.data;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Keeps the filesystem in step with the current transaction: work to do once it has committed (remove what
 * the index no longer has) or if it rolls back (undo a change made on disk ahead of the commit).
 */
@Dependent
public class TransactionHooks {

    @Resource
    TransactionSynchronizationRegistry transaction;

    public void afterCommit(Runnable action) {
        whenDone(true, action);
    }

    public void onRollback(Runnable action) {
        whenDone(false, action);
    }

    private void whenDone(boolean onCommit, Runnable action) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if ((status == Status.STATUS_COMMITTED) == onCommit) {
                    action.run();
                }
            }
        });
    }
}
