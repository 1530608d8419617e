//! Positions as types. Matching indexes three kinds of tables — per criterion of a plan, per
//! must-have, per document set of a segment's evaluation — and a `usize` would let one be used
//! for another. Each kind is a newtype, and a [`Table`] is indexed only by its own kind.

use std::fmt;
use std::marker::PhantomData;
use std::ops::{Index, IndexMut};

/// A position type: a thin wrapper over an index into a [`Table`].
pub trait Position: Copy + Eq + Ord + fmt::Debug {
    fn from_index(index: usize) -> Self;
    fn index(self) -> usize;
}

macro_rules! position {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        pub struct $name(u32);

        impl Position for $name {
            #[inline]
            fn from_index(index: usize) -> Self {
                debug_assert!(index <= u32::MAX as usize);
                $name(index as u32)
            }

            #[inline]
            fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

position!(
    /// A criterion's place in its plan (explicit criteria first, then implied ones).
    CriterionAt
);
position!(
    /// A must-have's place among its plan's must-haves, in plan order.
    MustAt
);
position!(
    /// A document set's place in a segment evaluation's sets (one per level of evidence).
    SetAt
);

/// A vector indexed by one kind of [`Position`].
#[derive(Clone, PartialEq)]
pub struct Table<P, T> {
    items: Vec<T>,
    kind: PhantomData<fn(P)>,
}

impl<P: Position, T> Table<P, T> {
    pub fn new() -> Self {
        Table { items: Vec::new(), kind: PhantomData }
    }

    pub fn with_capacity(capacity: usize) -> Self {
        Table { items: Vec::with_capacity(capacity), kind: PhantomData }
    }

    /// Appends `item` and returns its position.
    pub fn push(&mut self, item: T) -> P {
        self.items.push(item);
        P::from_index(self.items.len() - 1)
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, position: P) -> Option<&T> {
        self.items.get(position.index())
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.items.iter_mut()
    }

    /// Every position with its item, in order.
    pub fn enumerate(&self) -> impl DoubleEndedIterator<Item = (P, &T)> + ExactSizeIterator {
        self.items.iter().enumerate().map(|(index, item)| (P::from_index(index), item))
    }

    /// Every position, in order.
    pub fn positions(&self) -> impl DoubleEndedIterator<Item = P> + ExactSizeIterator + use<P, T> {
        (0..self.items.len()).map(P::from_index)
    }

    /// A table of the same positions holding `each` of every item.
    pub fn map<'s, U>(&'s self, each: impl FnMut(&'s T) -> U) -> Table<P, U> {
        Table::from(self.items.iter().map(each).collect::<Vec<U>>())
    }

    pub fn as_slice(&self) -> &[T] {
        &self.items
    }

    pub fn as_mut_slice(&mut self) -> &mut [T] {
        &mut self.items
    }

    pub fn into_vec(self) -> Vec<T> {
        self.items
    }
}

impl<P: Position, T: Clone> Table<P, T> {
    /// `len` copies of `item`.
    pub fn filled(item: T, len: usize) -> Self {
        Table::from(vec![item; len])
    }
}

impl<P: Position, T> Default for Table<P, T> {
    fn default() -> Self {
        Table::new()
    }
}

impl<P, T> From<Vec<T>> for Table<P, T> {
    fn from(items: Vec<T>) -> Self {
        Table { items, kind: PhantomData }
    }
}

impl<P: Position, T> FromIterator<T> for Table<P, T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        Table::from(items.into_iter().collect::<Vec<T>>())
    }
}

impl<P: Position, T> Index<P> for Table<P, T> {
    type Output = T;

    #[inline]
    fn index(&self, position: P) -> &T {
        &self.items[position.index()]
    }
}

impl<P: Position, T> IndexMut<P> for Table<P, T> {
    #[inline]
    fn index_mut(&mut self, position: P) -> &mut T {
        &mut self.items[position.index()]
    }
}

impl<'t, P: Position, T> IntoIterator for &'t Table<P, T> {
    type Item = &'t T;
    type IntoIter = std::slice::Iter<'t, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<'t, P: Position, T> IntoIterator for &'t mut Table<P, T> {
    type Item = &'t mut T;
    type IntoIter = std::slice::IterMut<'t, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter_mut()
    }
}

impl<P, T: fmt::Debug> fmt::Debug for Table<P, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(&self.items).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_is_indexed_by_its_own_positions() {
        let mut table: Table<MustAt, &str> = Table::new();
        let first = table.push("førerkort B");
        let second = table.push("norsk B1");
        assert_eq!((table[first], table[second]), ("førerkort B", "norsk B1"));
        assert_eq!(table.positions().collect::<Vec<_>>(), [first, second]);
        assert_eq!(table.enumerate().map(|(at, _)| at.index()).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(table.map(|label| label.len()).as_slice(), [12, 8]);
    }
}
