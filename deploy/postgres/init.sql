-- Runs once, when the PostgreSQL container starts on an empty data volume (docker-entrypoint-initdb.d).
-- One database per service, each owned by a role of the same name: a service can reach only its own data.
-- The passwords are for the local docker-compose stack only (development); real deployments get theirs
-- from a secret store and override SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD.

CREATE ROLE registration_service LOGIN PASSWORD 'registration_service';
CREATE DATABASE registration_service OWNER registration_service;

CREATE ROLE identity_verification_service LOGIN PASSWORD 'identity_verification_service';
CREATE DATABASE identity_verification_service OWNER identity_verification_service;

CREATE ROLE mss_address_service LOGIN PASSWORD 'mss_address_service';
CREATE DATABASE mss_address_service OWNER mss_address_service;

CREATE ROLE notification_service LOGIN PASSWORD 'notification_service';
CREATE DATABASE notification_service OWNER notification_service;

CREATE ROLE backoffice_service LOGIN PASSWORD 'backoffice_service';
CREATE DATABASE backoffice_service OWNER backoffice_service;

-- Nobody else connects to a service's database (PUBLIC may by default).
REVOKE CONNECT ON DATABASE registration_service FROM PUBLIC;
REVOKE CONNECT ON DATABASE identity_verification_service FROM PUBLIC;
REVOKE CONNECT ON DATABASE mss_address_service FROM PUBLIC;
REVOKE CONNECT ON DATABASE notification_service FROM PUBLIC;
REVOKE CONNECT ON DATABASE backoffice_service FROM PUBLIC;
