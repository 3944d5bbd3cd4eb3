//! Where the reader was in each article: stored by text position (paragraph and byte offset, and
//! the current statement), never by screen line, so it survives a different terminal width.
//! Kept in the platform's state directory, written atomically; a damaged file is ignored.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Remembered places are keyed by article source; only this many are kept, the most recent.
const MAX_PLACES: usize = 2000;

/// A place in one article.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Place {
    /// The paragraph at the top of the view.
    pub paragraph: usize,
    /// Byte offset of the text at the top of the view.
    pub offset: usize,
    /// The current statement, by index.
    #[serde(default)]
    pub statement: Option<usize>,
    /// The selected speaker, by name (ids are only stable within one analysis).
    #[serde(default)]
    pub speaker: Option<String>,
    /// Seconds since the epoch when the place was stored, to keep the most recent.
    #[serde(default)]
    pub when: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum MemoryError {
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    version: u32,
    places: HashMap<String, Place>,
}

/// The places of every article read, and the file they live in.
#[derive(Debug, Default, Clone)]
pub struct Memory {
    pub path: Option<PathBuf>,
    pub places: HashMap<String, Place>,
}

/// The default file: `places.json` in the platform state directory (the local data directory
/// where the platform has no state directory).
pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "hearsay")?;
    let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
    Some(dir.join("places.json"))
}

impl Memory {
    /// Reads the file. A missing file is an empty memory; a damaged one too, with a warning.
    pub fn load(path: Option<PathBuf>) -> (Memory, Option<String>) {
        let Some(p) = path.clone() else {
            return (Memory::default(), None);
        };
        let (places, warning) = match std::fs::read(&p) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (HashMap::new(), None),
            Err(e) => (
                HashMap::new(),
                Some(format!("{}: {e}; reading positions not restored", p.display())),
            ),
            Ok(bytes) => match serde_json::from_slice::<File>(&bytes) {
                Ok(f) => (f.places, None),
                Err(e) => (
                    HashMap::new(),
                    Some(format!(
                        "{}: damaged ({e}); reading positions not restored",
                        p.display()
                    )),
                ),
            },
        };
        (Memory { path, places }, warning)
    }

    pub fn get(&self, key: &str) -> Option<&Place> {
        self.places.get(key)
    }

    pub fn set(&mut self, key: String, place: Place) {
        self.places.insert(key, place);
        if self.places.len() > MAX_PLACES {
            let mut by_age: Vec<(u64, String)> =
                self.places.iter().map(|(k, p)| (p.when, k.clone())).collect();
            by_age.sort();
            for (_, k) in by_age.into_iter().take(self.places.len() - MAX_PLACES) {
                self.places.remove(&k);
            }
        }
    }

    /// Writes the file atomically: a temporary file in the same directory, then a rename, so a
    /// crash never leaves half a file.
    pub fn save(&self) -> Result<(), MemoryError> {
        let Some(path) = &self.path else { return Ok(()) };
        let err = |source| MemoryError::Write {
            path: path.display().to_string(),
            source,
        };
        let file = File {
            version: 1,
            places: self.places.clone(),
        };
        let json = serde_json::to_vec(&file).map_err(|e| err(std::io::Error::other(e)))?;
        write_atomically(path, &json).map_err(err)
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_survive_a_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/places.json");
        let (mut m, w) = Memory::load(Some(path.clone()));
        assert!(w.is_none() && m.places.is_empty());
        let place = Place {
            paragraph: 3,
            offset: 120,
            statement: Some(4),
            speaker: Some("Ann Lee".into()),
            when: 5,
        };
        m.set("a.txt".into(), place.clone());
        m.save().unwrap();
        let (m2, w) = Memory::load(Some(path.clone()));
        assert!(w.is_none());
        assert_eq!(m2.get("a.txt"), Some(&place));
        let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_damaged_file_is_ignored_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("places.json");
        std::fs::write(&path, b"{\"version\":1,\"places\":{\"a\":{\"parag").unwrap();
        let (m, w) = Memory::load(Some(path.clone()));
        assert!(m.places.is_empty());
        assert!(w.unwrap().contains("damaged"));
        // And it is replaced whole at the next save.
        m.save().unwrap();
        assert!(Memory::load(Some(path)).1.is_none());
    }

    #[test]
    fn only_the_most_recent_places_are_kept() {
        let mut m = Memory::default();
        for i in 0..(MAX_PLACES + 5) {
            m.set(
                format!("{i}"),
                Place {
                    when: i as u64,
                    ..Place::default()
                },
            );
        }
        assert_eq!(m.places.len(), MAX_PLACES);
        assert!(m.get("0").is_none());
        assert!(m.get(&format!("{}", MAX_PLACES + 4)).is_some());
    }
}
