package org.slbdoctor.slb;

/**
 * A token bucket shared by every SLB call of the application: {@code ratePerSecond} tokens a second,
 * at most {@code burst} saved up. {@link #acquire()} blocks until a token is free. A rate of 0 or
 * less turns limiting off.
 */
public class RateLimiter {

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long last;

    public RateLimiter(double ratePerSecond, int burst) {
        this.ratePerNano = ratePerSecond / 1_000_000_000d;
        this.burst = Math.max(1, burst);
        this.tokens = this.burst;
        this.last = System.nanoTime();
    }

    public void acquire() throws InterruptedException {
        if (ratePerNano <= 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
            last = now;
            tokens -= 1;
            // a negative balance is a reservation: this caller waits until it is paid back
            waitNanos = tokens >= 0 ? 0 : (long) (-tokens / ratePerNano);
        }
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }
}
