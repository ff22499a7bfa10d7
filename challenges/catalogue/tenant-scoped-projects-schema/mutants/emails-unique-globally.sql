CREATE TABLE tenants (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE
);

-- Every key starts with tenant_id, so every foreign key can carry it.
CREATE TABLE users (
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    id INTEGER NOT NULL,
    email TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (email)
);

CREATE TABLE projects (
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    id INTEGER NOT NULL,
    name TEXT NOT NULL,
    owner_id INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name),
    FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, id)
);

CREATE TABLE tasks (
    tenant_id INTEGER NOT NULL REFERENCES tenants (id),
    id INTEGER NOT NULL,
    project_id INTEGER NOT NULL,
    assignee_id INTEGER,
    title TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id),
    -- A NULL assignee_id leaves the key incomplete: no user is required.
    FOREIGN KEY (tenant_id, assignee_id) REFERENCES users (tenant_id, id)
);

CREATE INDEX tasks_project ON tasks (tenant_id, project_id);
CREATE INDEX projects_owner ON projects (tenant_id, owner_id);
CREATE INDEX tasks_assignee ON tasks (tenant_id, assignee_id);
