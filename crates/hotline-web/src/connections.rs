//! Serving connections with limits a slow or idle client cannot outlast (config `[http]`):
//! a whole request header must arrive within `header_read_timeout_secs`, and a kept-alive
//! connection waiting for its next request is closed after the same time (hyper starts the
//! header timer when it waits for a request, first or next); at most `max_connections` are
//! open at once, further clients wait in the kernel's queue until one closes. A request's body
//! and answer are bounded by `request_timeout_secs` (`hardening::harden`).
//!
//! hyper's own HTTP/1 connection settings do the work; `axum::serve` sets no timer, so its
//! header timeout never fires, which is why the hotline runs its own accept loop.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::hardening::HttpPolicy;

/// How long a connection that could not be accepted (out of file descriptors) waits before
/// the next try, so the loop does not spin.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// Serves `app` on `listener` until `shutdown` resolves, then lets the requests in flight
/// finish. Handlers see the peer as `ConnectInfo<SocketAddr>`, as with axum's own serve.
pub async fn serve<F>(
    listener: TcpListener,
    app: Router,
    policy: &HttpPolicy,
    shutdown: F,
) -> std::io::Result<()>
where
    F: Future<Output = ()> + Send,
{
    let slots = Arc::new(Semaphore::new(policy.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(Duration::from_secs(policy.header_read_timeout_secs.max(1)))
        .keep_alive(true);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        // A free slot first: while every slot is taken, nobody new is accepted.
        let permit = tokio::select! {
            p = slots.clone().acquire_owned() => p.map_err(std::io::Error::other)?,
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    tracing::warn!(error = %e, "could not accept a connection");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
            request
                .extensions_mut()
                .insert(ConnectInfo::<SocketAddr>(peer));
            app.clone().oneshot(request.map(Body::new))
        });
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // Timeouts and clients hanging up end here; nothing to report per connection.
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}
