//! The small parsers at the edges: record and entry kinds, roles, stream kinds, actors,
//! phases, classifications, GRIP levels, graph node keys, record ids, safety regions,
//! coordinates and the Accept-Language header. Never panics; parse(display(x)) == x.
#![no_main]

use crisismap_core::crisis::{Classification, EntryKind, Grip, Phase};
use crisismap_core::event::Actor;
use crisismap_core::register::graph::NodeKey;
use crisismap_core::register::kinds::parse_coordinates;
use crisismap_core::register::{RecordId, RecordKind};
use crisismap_core::{Lang, Role, StreamKind, regions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(k) = text.parse::<RecordKind>() {
        assert_eq!(k.code().parse::<RecordKind>(), Ok(k));
        assert_eq!(RecordKind::from_slug(k.slug()), Some(k));
    }
    if let Ok(k) = text.parse::<EntryKind>() {
        assert_eq!(k.code().parse::<EntryKind>(), Ok(k));
        assert_eq!(EntryKind::from_slug(k.slug()), Some(k));
    }
    if let Ok(r) = text.parse::<Role>() {
        assert_eq!(r.code().parse::<Role>().ok(), Some(r));
    }
    if let Ok(s) = text.parse::<StreamKind>() {
        assert_eq!(s.code().parse::<StreamKind>(), Ok(s));
    }
    if let Ok(a) = text.parse::<Actor>() {
        assert_eq!(a.to_string().parse::<Actor>().as_ref(), Ok(&a));
    }
    if let Ok(p) = text.parse::<Phase>() {
        assert_eq!(p.code().parse::<Phase>(), Ok(p));
    }
    if let Ok(c) = text.parse::<Classification>() {
        assert_eq!(c.code().parse::<Classification>(), Ok(c));
    }
    if let Ok(g) = text.parse::<Grip>() {
        assert_eq!(g.code().parse::<Grip>(), Ok(g));
    }
    if let Ok(key) = text.parse::<NodeKey>() {
        assert_eq!(key.to_string().parse::<NodeKey>().as_ref(), Ok(&key));
    }
    if let Ok(id) = text.parse::<RecordId>() {
        assert_eq!(id.to_string().parse::<RecordId>().ok(), Some(id));
    }
    if let Some(region) = regions::find(text) {
        assert_eq!(regions::find(region.code), Some(region));
        assert_eq!(regions::find(region.name), Some(region));
    }
    if let Some((lat, lon)) = parse_coordinates(text) {
        assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon));
        assert_eq!(
            parse_coordinates(&format!("{lat}, {lon}")),
            Some((lat, lon))
        );
    }
    let lang = Lang::from_accept_language(text);
    assert_eq!(lang.code().parse::<Lang>().ok(), Some(lang));
});
