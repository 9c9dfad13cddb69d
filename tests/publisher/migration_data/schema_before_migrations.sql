-- The SQLite schema Kakehashi made before migrations existed (create_all + triggers at
-- commit c499046), saved to make old databases in tests. Never edit it.
CREATE TABLE apikey (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	role VARCHAR NOT NULL, 
	key_hash VARCHAR NOT NULL, 
	prefix VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	expires_at DATETIME, 
	revoked_at DATETIME, 
	created_by VARCHAR, 
	PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_apikey_key_hash ON apikey (key_hash);
CREATE INDEX ix_apikey_name ON apikey (name);
CREATE TABLE bulletin (
	id INTEGER NOT NULL, 
	state VARCHAR NOT NULL, 
	category VARCHAR NOT NULL, 
	languages JSON, 
	publish_at DATETIME, 
	expires_at DATETIME, 
	current_revision INTEGER NOT NULL, 
	published_revision INTEGER, 
	published_at DATETIME, 
	flagged_policy VARCHAR NOT NULL, 
	created_by VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_bulletin_state ON bulletin (state);
CREATE INDEX ix_bulletin_published_at ON bulletin (published_at);
CREATE TABLE glossaryentry (
	id INTEGER NOT NULL, 
	language VARCHAR NOT NULL, 
	source VARCHAR NOT NULL, 
	translation VARCHAR, 
	note VARCHAR, 
	created_by VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (language, source)
);
CREATE INDEX ix_glossaryentry_language ON glossaryentry (language);
CREATE TABLE auditrecord (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	actor VARCHAR NOT NULL, 
	role VARCHAR NOT NULL, 
	action VARCHAR NOT NULL, 
	target VARCHAR NOT NULL, 
	before_hash VARCHAR, 
	after_hash VARCHAR, 
	detail JSON, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_auditrecord_action ON auditrecord (action);
CREATE INDEX ix_auditrecord_target ON auditrecord (target);
CREATE INDEX ix_auditrecord_at ON auditrecord (at);
CREATE TABLE revision (
	id INTEGER NOT NULL, 
	bulletin_id INTEGER NOT NULL, 
	number INTEGER NOT NULL, 
	title VARCHAR NOT NULL, 
	body VARCHAR NOT NULL, 
	contact VARCHAR, 
	author VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (bulletin_id, number), 
	FOREIGN KEY(bulletin_id) REFERENCES bulletin (id)
);
CREATE INDEX ix_revision_bulletin_id ON revision (bulletin_id);
CREATE TABLE job (
	id VARCHAR NOT NULL, 
	bulletin_id INTEGER NOT NULL, 
	revision INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	state VARCHAR NOT NULL, 
	progress JSON, 
	error VARCHAR, 
	requested_by VARCHAR NOT NULL, 
	attempts INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	started_at DATETIME, 
	finished_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(bulletin_id) REFERENCES bulletin (id)
);
CREATE INDEX ix_job_state ON job (state);
CREATE INDEX ix_job_bulletin_id ON job (bulletin_id);
CREATE TABLE languageversion (
	id INTEGER NOT NULL, 
	bulletin_id INTEGER NOT NULL, 
	language VARCHAR NOT NULL, 
	revision INTEGER NOT NULL, 
	status VARCHAR NOT NULL, 
	translation VARCHAR NOT NULL, 
	route VARCHAR, 
	voice VARCHAR, 
	voice_substitute_for VARCHAR, 
	audio_file VARCHAR, 
	captions_file VARCHAR, 
	audio_seconds FLOAT, 
	flags JSON, 
	detail VARCHAR, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (bulletin_id, language), 
	FOREIGN KEY(bulletin_id) REFERENCES bulletin (id)
);
CREATE INDEX ix_languageversion_bulletin_id ON languageversion (bulletin_id);
CREATE TABLE segmenttranslation (
	id INTEGER NOT NULL, 
	bulletin_id INTEGER NOT NULL, 
	revision INTEGER NOT NULL, 
	language VARCHAR NOT NULL, 
	segment_id VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	source_text VARCHAR NOT NULL, 
	text VARCHAR NOT NULL, 
	origin VARCHAR NOT NULL, 
	engine VARCHAR NOT NULL, 
	model_version VARCHAR NOT NULL, 
	flags JSON, 
	created_at DATETIME NOT NULL, 
	source_hash VARCHAR NOT NULL, 
	input_key VARCHAR NOT NULL, 
	glossary_terms JSON, 
	reused BOOLEAN NOT NULL, 
	machine_text VARCHAR, 
	corrected_by VARCHAR, 
	corrected_at DATETIME, 
	PRIMARY KEY (id), 
	UNIQUE (bulletin_id, revision, language, segment_id), 
	FOREIGN KEY(bulletin_id) REFERENCES bulletin (id)
);
CREATE INDEX ix_segmenttranslation_source_hash ON segmenttranslation (source_hash);
CREATE INDEX ix_segmenttranslation_bulletin_id ON segmenttranslation (bulletin_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON auditrecord BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON auditrecord BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
