//! End-to-end tests, one binary (short link times), one module per area.

mod common;

mod candidate_limits;
mod cli;
mod drafting;
mod evaluation;
mod explanations;
mod fixtures;
mod fuzz;
mod kandidatlister;
mod must_haves;
mod near_misses;
mod ranking;
mod reverse;
mod semantic;
mod service;
mod socket;
mod store;
mod web;
