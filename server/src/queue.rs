//! The job queue: one FIFO per connection, served round-robin across connections, so that
//! one client's backlog delays another client's job by at most one job per worker.

use std::collections::{HashMap, VecDeque};

/// Items queued per key (a connection), taken round-robin across keys.
pub(crate) struct FairQueue<T> {
    queues: HashMap<u64, VecDeque<T>>,
    /// The keys with queued items, in serving order: a key is here exactly when its queue is
    /// not empty.
    ring: VecDeque<u64>,
    len: usize,
}

impl<T> FairQueue<T> {
    pub(crate) fn new() -> Self {
        FairQueue {
            queues: HashMap::new(),
            ring: VecDeque::new(),
            len: 0,
        }
    }

    /// Items queued, over all keys.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Items `key` has queued.
    pub(crate) fn len_of(&self, key: u64) -> usize {
        self.queues.get(&key).map_or(0, VecDeque::len)
    }

    /// Keys with items queued.
    pub(crate) fn keys(&self) -> usize {
        self.ring.len()
    }

    /// Queues `item` behind `key`'s others, or (`front`) before them, with `key` served next.
    pub(crate) fn push(&mut self, key: u64, item: T, front: bool) {
        let queue = self.queues.entry(key).or_default();
        if front {
            // It had its turn already (its worker died before starting it): it goes next.
            if !queue.is_empty() {
                self.ring.retain(|&k| k != key);
            }
            self.ring.push_front(key);
        } else if queue.is_empty() {
            self.ring.push_back(key);
        }
        if front {
            queue.push_front(item);
        } else {
            queue.push_back(item);
        }
        self.len += 1;
    }

    /// The next item in round-robin order, skipping keys whose first item is `held` back
    /// (they keep their turn for later).
    pub(crate) fn pop(&mut self, held: impl Fn(&T) -> bool) -> Option<T> {
        for _ in 0..self.ring.len() {
            let key = self.ring.pop_front()?;
            let Some(queue) = self.queues.get_mut(&key) else {
                continue;
            };
            match queue.front() {
                None => {
                    self.queues.remove(&key);
                    continue;
                }
                Some(first) if held(first) => {
                    self.ring.push_back(key);
                    continue;
                }
                Some(_) => {}
            }
            let item = queue.pop_front();
            if queue.is_empty() {
                self.queues.remove(&key);
            } else {
                self.ring.push_back(key);
            }
            self.len -= 1;
            return item;
        }
        None
    }

    /// Removes and returns everything `key` has queued.
    pub(crate) fn remove_key(&mut self, key: u64) -> VecDeque<T> {
        let queue = self.queues.remove(&key).unwrap_or_default();
        if !queue.is_empty() {
            self.len -= queue.len();
            self.ring.retain(|&k| k != key);
        }
        queue
    }

    /// Removes and returns `key`'s first item matching `wanted`.
    pub(crate) fn remove_first(&mut self, key: u64, wanted: impl Fn(&T) -> bool) -> Option<T> {
        let queue = self.queues.get_mut(&key)?;
        let at = queue.iter().position(wanted)?;
        let item = queue.remove(at);
        self.len -= 1;
        if queue.is_empty() {
            self.queues.remove(&key);
            self.ring.retain(|&k| k != key);
        }
        item
    }

    /// Removes everything.
    pub(crate) fn drain(&mut self) -> impl Iterator<Item = T> + '_ {
        self.ring.clear();
        self.len = 0;
        self.queues.drain().flat_map(|(_, queue)| queue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn take_all(queue: &mut FairQueue<(u64, u32)>) -> Vec<(u64, u32)> {
        std::iter::from_fn(|| queue.pop(|_| false)).collect()
    }

    #[test]
    fn keys_take_turns() {
        let mut queue = FairQueue::new();
        for i in 0..4 {
            queue.push(1, (1, i), false);
        }
        queue.push(2, (2, 0), false);
        queue.push(3, (3, 0), false);
        assert_eq!(queue.len(), 6);
        assert_eq!(
            (queue.len_of(1), queue.len_of(2), queue.len_of(9)),
            (4, 1, 0)
        );
        assert_eq!(queue.keys(), 3);
        assert_eq!(
            take_all(&mut queue),
            vec![(1, 0), (2, 0), (3, 0), (1, 1), (1, 2), (1, 3)]
        );
        assert!(queue.is_empty());
    }

    #[test]
    fn an_item_pushed_to_the_front_goes_next() {
        let mut queue = FairQueue::new();
        queue.push(1, (1, 0), false);
        queue.push(2, (2, 0), false);
        queue.push(2, (2, 9), true);
        assert_eq!(queue.pop(|_| false), Some((2, 9)));
        assert_eq!(take_all(&mut queue), vec![(1, 0), (2, 0)]);
    }

    #[test]
    fn held_keys_keep_their_items() {
        let mut queue = FairQueue::new();
        queue.push(1, (1, 0), false);
        queue.push(2, (2, 0), false);
        assert_eq!(queue.pop(|&(k, _)| k == 1), Some((2, 0)));
        assert_eq!(queue.pop(|&(k, _)| k == 1), None);
        assert_eq!(queue.len(), 1);
        assert_eq!(queue.pop(|_| false), Some((1, 0)));
    }

    #[test]
    fn removing_a_key_or_an_item_keeps_the_count() {
        let mut queue = FairQueue::new();
        for i in 0..3 {
            queue.push(1, (1, i), false);
            queue.push(2, (2, i), false);
        }
        assert_eq!(queue.remove_key(1).len(), 3);
        assert_eq!(queue.remove_first(2, |&(_, i)| i == 1), Some((2, 1)));
        assert_eq!(queue.remove_first(2, |&(_, i)| i == 7), None);
        assert_eq!(queue.len(), 2);
        assert_eq!(take_all(&mut queue), vec![(2, 0), (2, 2)]);
        queue.push(3, (3, 0), false);
        assert_eq!(queue.drain().count(), 1);
        assert!(queue.is_empty() && queue.pop(|_| false).is_none());
    }
}
