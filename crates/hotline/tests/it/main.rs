//! The one integration-test binary of the `hotline` crate: every test here boots the real
//! `hotline` binary on port 0, on a fresh SQLite file and, when `HOTLINE_TEST_POSTGRES_URL`
//! is set, again on a fresh PostgreSQL database. Add modules here rather than new test files:
//! each test binary is another slow link.

mod admin;
mod alerts;
mod anonymity;
mod answers;
mod api;
mod browser;
mod commands;
mod doctor;
mod durability;
mod exports;
mod federation;
mod import;
mod lifecycle;
mod monitoring;
mod notices;
mod pages;
mod security;
mod staff;
mod statistics;
mod support;
mod trust;
mod workbench;
mod workers;
