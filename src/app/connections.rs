//! Connections, held to account: how many the server keeps open, how many one address may use,
//! and how long a connection may take to send a request. A hostile client cannot take the
//! service offline by opening sockets and saying nothing, or by sending a body a byte at a time:
//!
//! - **A total cap**, never above what the process's file-descriptor limit allows. When it is
//!   reached, the connection that has waited longest without a request in flight is closed to
//!   make room; only when every connection is busy is a newcomer refused.
//! - **A cap per address.** A connection beyond it is still accepted, but it may only ask
//!   `/health` and `/metrics` (so a probe always gets through); anything else is answered 503 and
//!   the connection closed. Such connections are the first to be closed when room is needed.
//! - **A header timeout**, which is also the idle timeout: a connection must send a complete
//!   request head within it, whether it has just opened or has just been answered.
//! - **A body deadline** (set in [`super::router`]): a whole request body within it, or 408.

use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::response::IntoResponse;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};
use tower::ServiceExt;

use crate::http::ApiError;

/// How many connections, from whom, and how quickly they must speak.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// Connections open at once (clamped to the file-descriptor limit, see [`Self::fitted`]).
    pub max_connections: usize,
    /// Connections one address may use for anything but `/health` and `/metrics`.
    pub max_per_client: usize,
    /// Time to send a complete request head, after connecting or after the last answer.
    pub header_timeout: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits { max_connections: 4096, max_per_client: 256, header_timeout: Duration::from_secs(10) }
    }
}

/// File descriptors kept back for the index, the write-ahead log, the audit log and the listener.
const RESERVED_DESCRIPTORS: u64 = 128;

impl ConnectionLimits {
    /// These limits with the total cap lowered, if need be, to what the process may open: the
    /// soft file-descriptor limit is first raised to the hard one, and a reserve kept back.
    pub fn fitted(self) -> ConnectionLimits {
        let available = rlimit::increase_nofile_limit(u64::MAX)
            .or_else(|_| rlimit::getrlimit(rlimit::Resource::NOFILE).map(|(soft, _)| soft))
            .unwrap_or(1024);
        let room = available.saturating_sub(RESERVED_DESCRIPTORS).max(16);
        let max_connections = self.max_connections.min(usize::try_from(room).unwrap_or(usize::MAX));
        ConnectionLimits { max_connections, ..self }
    }
}

/// Connections the kernel may hold for us before we accept them. Under a flood of reconnecting
/// clients a short queue drops new connections' SYNs, and a health probe then waits a whole
/// second for the retry; the kernel caps this at `net.core.somaxconn`.
pub const LISTEN_BACKLOG: u32 = 4096;

/// A listener on `addr` with a [`LISTEN_BACKLOG`]-long accept queue.
pub fn listen(addr: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() { tokio::net::TcpSocket::new_v4()? } else { tokio::net::TcpSocket::new_v6()? };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(LISTEN_BACKLOG)
}

/// Serves `router` on `listener` under `limits` until `shutdown` resolves, then lets requests in
/// flight finish.
pub async fn serve_with_limits(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let registry = Arc::new(Registry::new(limits));
    let (stop_tx, stop_rx) = watch::channel(false);
    tokio::spawn(async move {
        shutdown.await;
        let _ = stop_tx.send(true);
    });
    let mut stopping = stop_rx.clone();
    let (done_tx, mut done_rx) = tokio::sync::mpsc::channel::<()>(1);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of descriptors or a connection reset before we took it: wait, go on.
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = stopping.changed() => break,
        };
        let Some(ticket) = registry.admit(peer) else {
            drop(stream); // every connection is busy: refuse this one at once
            continue;
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let stop = stop_rx.clone();
        let done = done_tx.clone();
        tokio::spawn(async move {
            serve_connection(stream, peer, router, ticket, limits.header_timeout, stop).await;
            drop(done);
        });
    }
    drop(listener);
    drop(done_tx);
    // Every connection task holds a sender; `recv` returns `None` once all have finished.
    let _ = done_rx.recv().await;
    Ok(())
}

async fn serve_connection(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    router: Router,
    ticket: Ticket,
    header_timeout: Duration,
    mut stop: watch::Receiver<bool>,
) {
    let in_flight = ticket.in_flight.clone();
    let over_quota = ticket.over_quota;
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        let router = router.clone();
        let guard = InFlight::enter(&in_flight);
        request.extensions_mut().insert(axum::extract::ConnectInfo(peer));
        async move {
            let _guard = guard;
            if over_quota && !is_operational(request.uri().path()) {
                let mut response = ApiError::TooManyConnections.into_response();
                response
                    .headers_mut()
                    .insert(axum::http::header::CONNECTION, axum::http::HeaderValue::from_static("close"));
                return Ok::<_, std::convert::Infallible>(response);
            }
            router.oneshot(request).await
        }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(header_timeout);
    let connection = builder.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    let evicted = ticket.evict.clone();
    let mut closing = false;
    loop {
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(error) = result {
                    tracing::debug!(%error, "connection ended with an error");
                }
                break;
            }
            () = evicted.notified(), if !closing => {
                closing = true;
                connection.as_mut().graceful_shutdown();
            }
            _ = stop.changed(), if !closing => {
                closing = true;
                connection.as_mut().graceful_shutdown();
            }
        }
    }
    drop(ticket);
}

/// Routes a probe must always reach.
fn is_operational(path: &str) -> bool {
    path == "/health" || path == "/metrics"
}

/// Counts a request in flight on a connection while it lives.
struct InFlight(Arc<AtomicUsize>);

impl InFlight {
    fn enter(count: &Arc<AtomicUsize>) -> InFlight {
        count.fetch_add(1, Ordering::SeqCst);
        InFlight(count.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The open connections, oldest first, and how many each address holds.
struct Registry {
    limits: ConnectionLimits,
    open: Mutex<Open>,
}

#[derive(Default)]
struct Open {
    next_id: u64,
    connections: BTreeMap<u64, Slot>,
    per_client: HashMap<IpAddr, usize>,
}

struct Slot {
    client: IpAddr,
    over_quota: bool,
    in_flight: Arc<AtomicUsize>,
    evict: Arc<Notify>,
}

/// A connection's place in the registry; it gives the place back when dropped.
struct Ticket {
    id: u64,
    over_quota: bool,
    in_flight: Arc<AtomicUsize>,
    evict: Arc<Notify>,
    registry: Arc<Registry>,
}

impl Registry {
    fn new(limits: ConnectionLimits) -> Registry {
        Registry { limits, open: Mutex::new(Open::default()) }
    }

    /// A place for a connection from `peer`, making room by closing an idle connection when
    /// the total cap is reached; `None` when every connection is busy.
    fn admit(self: &Arc<Self>, peer: SocketAddr) -> Option<Ticket> {
        let client = peer.ip();
        let mut open = self.open.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if open.connections.len() >= self.limits.max_connections {
            let idle = |slot: &Slot| slot.in_flight.load(Ordering::SeqCst) == 0;
            let victim = open
                .connections
                .iter()
                .find(|(_, slot)| slot.over_quota && idle(slot))
                .or_else(|| open.connections.iter().find(|(_, slot)| idle(slot)))
                .map(|(id, _)| *id)?;
            if let Some(slot) = open.remove(victim) {
                slot.evict.notify_one();
            }
        }
        let held = open.per_client.entry(client).or_default();
        *held += 1;
        let over_quota = *held > self.limits.max_per_client;
        let id = open.next_id;
        open.next_id += 1;
        let in_flight = Arc::new(AtomicUsize::new(0));
        let evict = Arc::new(Notify::new());
        open.connections.insert(id, Slot { client, over_quota, in_flight: in_flight.clone(), evict: evict.clone() });
        Some(Ticket { id, over_quota, in_flight, evict, registry: self.clone() })
    }

    fn release(&self, id: u64) {
        self.open.lock().unwrap_or_else(std::sync::PoisonError::into_inner).remove(id);
    }
}

impl Open {
    fn remove(&mut self, id: u64) -> Option<Slot> {
        let slot = self.connections.remove(&id)?;
        if let Some(held) = self.per_client.get_mut(&slot.client) {
            *held -= 1;
            if *held == 0 {
                self.per_client.remove(&slot.client);
            }
        }
        Some(slot)
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        self.registry.release(self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry(max_connections: usize, max_per_client: usize) -> Arc<Registry> {
        Arc::new(Registry::new(ConnectionLimits { max_connections, max_per_client, ..Default::default() }))
    }

    fn peer(last: u8) -> SocketAddr {
        SocketAddr::from(([10, 0, 0, last], 40000))
    }

    #[test]
    fn the_oldest_idle_connection_makes_room_and_busy_ones_are_kept() {
        let registry = registry(2, 10);
        let first = registry.admit(peer(1)).expect("room");
        let second = registry.admit(peer(2)).expect("room");
        let _busy = InFlight::enter(&first.in_flight);
        let third = registry.admit(peer(3)).expect("the idle second connection makes room");
        assert_eq!(registry.open.lock().expect("lock").connections.len(), 2);
        assert!(!registry.open.lock().expect("lock").connections.contains_key(&second.id));
        let _also_busy = InFlight::enter(&third.in_flight);
        assert!(registry.admit(peer(4)).is_none(), "every connection busy: refused");
        drop(second); // an evicted ticket's drop must not disturb the count
        assert_eq!(registry.open.lock().expect("lock").connections.len(), 2);
    }

    #[test]
    fn connections_beyond_the_per_client_cap_are_marked_and_closed_first() {
        let registry = registry(3, 1);
        let own = registry.admit(peer(1)).expect("room");
        let extra = registry.admit(peer(1)).expect("still accepted");
        let other = registry.admit(peer(2)).expect("room");
        assert!(!own.over_quota && extra.over_quota && !other.over_quota);
        let _newcomer = registry.admit(peer(3)).expect("room made");
        let open = registry.open.lock().expect("lock");
        assert!(!open.connections.contains_key(&extra.id), "the over-quota connection went first");
        assert!(open.connections.contains_key(&own.id) && open.connections.contains_key(&other.id));
        assert_eq!(open.per_client.get(&peer(1).ip()), Some(&1));
    }

    #[test]
    fn released_connections_free_their_client_count() {
        let registry = registry(10, 1);
        let first = registry.admit(peer(1)).expect("room");
        drop(first);
        let again = registry.admit(peer(1)).expect("room");
        assert!(!again.over_quota);
        assert!(registry.open.lock().expect("lock").per_client.len() == 1);
    }
}
