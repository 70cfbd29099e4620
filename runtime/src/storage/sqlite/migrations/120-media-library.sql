-- The media libraries of publishing organisations (issue 13): images, audio, films and WebVTT
-- captions that designers upload and modules name by URL. One row per file per library; the body
-- itself lives on disk under its SHA-256 (storage/media-files.ts), once however many libraries
-- hold it. The type is the one read from the file's bytes, never the uploader's word.
CREATE TABLE media_files (
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  sha256           TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  media_type       TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('image', 'audio', 'video', 'captions')),
  extension        TEXT NOT NULL CHECK (length(extension) BETWEEN 2 AND 5),
  size_bytes       INTEGER NOT NULL CHECK (size_bytes > 0),
  name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  uploaded_by      TEXT NOT NULL REFERENCES people (id),
  uploaded_at      TEXT NOT NULL,
  PRIMARY KEY (organisation_id, sha256)
) STRICT;

-- Whether another library still holds a body, when one library lets it go.
CREATE INDEX media_files_by_body ON media_files (sha256);
CREATE INDEX media_files_newest ON media_files (organisation_id, uploaded_at);
