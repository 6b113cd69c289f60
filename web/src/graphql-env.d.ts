/* eslint-disable */
/* prettier-ignore */

export type introspection_types = {
  AntisocialCheckResult: { name: 'AntisocialCheckResult'; enumValues: 'CLEAR' | 'HIT' | 'UNDETERMINED' };
  Application: {
    kind: 'OBJECT';
    name: 'Application';
    fields: {
      applicantId: {
        name: 'applicantId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      approvalTasks: {
        name: 'approvalTasks';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'ApprovalTask'; ofType: null };
            };
          };
        };
      };
      clientId: {
        name: 'clientId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      contractExecution: {
        name: 'contractExecution';
        type: { kind: 'OBJECT'; name: 'ContractExecution'; ofType: null };
      };
      createdAt: {
        name: 'createdAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      creditPrecheck: {
        name: 'creditPrecheck';
        type: { kind: 'OBJECT'; name: 'CreditPrecheck'; ofType: null };
      };
      decidedAt: { name: 'decidedAt'; type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      directorReasons: {
        name: 'directorReasons';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
            };
          };
        };
      };
      history: {
        name: 'history';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'ApplicationEvent'; ofType: null };
            };
          };
        };
      };
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      inquiryId: { name: 'inquiryId'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      status: {
        name: 'status';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'ApplicationStatus'; ofType: null };
        };
      };
      submittedAt: { name: 'submittedAt'; type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      type: {
        name: 'type';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'ApplicationType'; ofType: null };
        };
      };
      visitId: { name: 'visitId'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
    };
  };
  ApplicationEvent: {
    kind: 'OBJECT';
    name: 'ApplicationEvent';
    fields: {
      at: {
        name: 'at';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      by: { name: 'by'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      comment: { name: 'comment'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      decision: { name: 'decision'; type: { kind: 'ENUM'; name: 'ApprovalDecision'; ofType: null } };
      detail: { name: 'detail'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      kind: {
        name: 'kind';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      step: { name: 'step'; type: { kind: 'ENUM'; name: 'ApprovalStep'; ofType: null } };
    };
  };
  ApplicationStatus: {
    name: 'ApplicationStatus';
    enumValues: 'APPROVED' | 'DRAFT' | 'FAILED' | 'REJECTED' | 'SUBMITTED' | 'WITHDRAWN';
  };
  ApplicationType: {
    name: 'ApplicationType';
    enumValues: 'CONTRACT_EXECUTION' | 'CREDIT_PRECHECK' | 'ORDER_APPROVAL';
  };
  ApprovalDecision: { name: 'ApprovalDecision'; enumValues: 'APPROVE' | 'REJECT' };
  ApprovalPool: {
    kind: 'OBJECT';
    name: 'ApprovalPool';
    fields: {
      department: { name: 'department'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      role: {
        name: 'role';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'Role'; ofType: null } };
      };
    };
  };
  ApprovalStep: { name: 'ApprovalStep'; enumValues: 'DIRECTOR' | 'LEGAL_REVIEW' | 'LEGAL_SEND' | 'MANAGER' };
  ApprovalTask: {
    kind: 'OBJECT';
    name: 'ApprovalTask';
    fields: {
      applicantId: {
        name: 'applicantId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      application: {
        name: 'application';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'Application'; ofType: null };
        };
      };
      applicationId: {
        name: 'applicationId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      applicationType: {
        name: 'applicationType';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'ApplicationType'; ofType: null };
        };
      };
      clientId: {
        name: 'clientId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      comment: { name: 'comment'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      decidedBy: { name: 'decidedBy'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      decision: { name: 'decision'; type: { kind: 'ENUM'; name: 'ApprovalDecision'; ofType: null } };
      escalatedAt: { name: 'escalatedAt'; type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      openedAt: {
        name: 'openedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      pool: {
        name: 'pool';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'ApprovalPool'; ofType: null };
        };
      };
      status: {
        name: 'status';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      step: {
        name: 'step';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'ApprovalStep'; ofType: null } };
      };
    };
  };
  AssignSalesRepInput: {
    kind: 'INPUT_OBJECT';
    name: 'AssignSalesRepInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'clientId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      { name: 'expectedVersion'; type: { kind: 'SCALAR'; name: 'Int'; ofType: null }; defaultValue: null },
      { name: 'overrideReason'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'salesRepId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  AssignSalesRepPayload: {
    kind: 'OBJECT';
    name: 'AssignSalesRepPayload';
    fields: {
      assignment: {
        name: 'assignment';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'SalesRepAssignment'; ofType: null };
        };
      };
      client: {
        name: 'client';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Client'; ofType: null } };
      };
    };
  };
  AssignmentFactor: { name: 'AssignmentFactor'; enumValues: 'CLIENT_LOAD' | 'INDUSTRY_FIT' | 'STAFF_LOAD' };
  AssignmentFactorScore: {
    kind: 'OBJECT';
    name: 'AssignmentFactorScore';
    fields: {
      factor: {
        name: 'factor';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'AssignmentFactor'; ofType: null };
        };
      };
      normalized: {
        name: 'normalized';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Float'; ofType: null } };
      };
      points: {
        name: 'points';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Float'; ofType: null } };
      };
      reason: {
        name: 'reason';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      value: { name: 'value'; type: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      weight: {
        name: 'weight';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Float'; ofType: null } };
      };
    };
  };
  AssignmentWeights: {
    kind: 'OBJECT';
    name: 'AssignmentWeights';
    fields: {
      clientLoad: {
        name: 'clientLoad';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Float'; ofType: null } };
      };
      industryFit: {
        name: 'industryFit';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Float'; ofType: null } };
      };
      riskBoost: {
        name: 'riskBoost';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Float'; ofType: null } };
      };
      staffLoad: {
        name: 'staffLoad';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Float'; ofType: null } };
      };
    };
  };
  AuditEvent: {
    kind: 'OBJECT';
    name: 'AuditEvent';
    fields: {
      actorKind: {
        name: 'actorKind';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      actorRole: { name: 'actorRole'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      actorSystem: { name: 'actorSystem'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      actorUserId: { name: 'actorUserId'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      at: {
        name: 'at';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      changes: {
        name: 'changes';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'FieldChange'; ofType: null };
            };
          };
        };
      };
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      operation: {
        name: 'operation';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      subjectId: {
        name: 'subjectId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      subjectType: {
        name: 'subjectType';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
  };
  BillingRate: {
    kind: 'OBJECT';
    name: 'BillingRate';
    fields: {
      amountYen: {
        name: 'amountYen';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      unit: {
        name: 'unit';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'BillingUnit'; ofType: null } };
      };
    };
  };
  BillingRateInput: {
    kind: 'INPUT_OBJECT';
    name: 'BillingRateInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'amountYen';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'unit';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'BillingUnit'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  BillingUnit: { name: 'BillingUnit'; enumValues: 'DAY' | 'HOUR' | 'MONTH' };
  Boolean: unknown;
  CancelVisitInput: {
    kind: 'INPUT_OBJECT';
    name: 'CancelVisitInput';
    isOneOf: false;
    inputFields: [
      { name: 'expectedVersion'; type: { kind: 'SCALAR'; name: 'Int'; ofType: null }; defaultValue: null },
      {
        name: 'reason';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'visitId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  Client: {
    kind: 'OBJECT';
    name: 'Client';
    fields: {
      applications: {
        name: 'applications';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'Application'; ofType: null };
            };
          };
        };
      };
      assignments: {
        name: 'assignments';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'SalesRepAssignment'; ofType: null };
            };
          };
        };
      };
      auditTrail: {
        name: 'auditTrail';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'ClientAuditTrailConnection'; ofType: null };
        };
      };
      contact: { name: 'contact'; type: { kind: 'OBJECT'; name: 'ClientContact'; ofType: null } };
      corporateNumber: { name: 'corporateNumber'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      createdAt: {
        name: 'createdAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      department: { name: 'department'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      gstaff: {
        name: 'gstaff';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'GStaffMatch'; ofType: null };
            };
          };
        };
      };
      gstaffClientId: { name: 'gstaffClientId'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      gstaffRegistration: {
        name: 'gstaffRegistration';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
      };
      hearingSheets: {
        name: 'hearingSheets';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'HearingSheet'; ofType: null };
            };
          };
        };
      };
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      industry: { name: 'industry'; type: { kind: 'ENUM'; name: 'Industry'; ofType: null } };
      inquiries: {
        name: 'inquiries';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'Inquiry'; ofType: null };
            };
          };
        };
      };
      kintoneSync: {
        name: 'kintoneSync';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'KintoneSync'; ofType: null };
            };
          };
        };
      };
      ledgerFacts: {
        name: 'ledgerFacts';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'LedgerFact'; ofType: null };
            };
          };
        };
      };
      name: {
        name: 'name';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      possibleDuplicateOf: {
        name: 'possibleDuplicateOf';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
            };
          };
        };
      };
      salesRep: { name: 'salesRep'; type: { kind: 'OBJECT'; name: 'Colleague'; ofType: null } };
      salesRepId: { name: 'salesRepId'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      stage: {
        name: 'stage';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'ClientStage'; ofType: null } };
      };
      updatedAt: {
        name: 'updatedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      version: {
        name: 'version';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      visits: {
        name: 'visits';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'Visit'; ofType: null };
            };
          };
        };
      };
    };
  };
  ClientAuditTrailConnection: {
    kind: 'OBJECT';
    name: 'ClientAuditTrailConnection';
    fields: {
      edges: {
        name: 'edges';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'ClientAuditTrailConnectionEdge'; ofType: null };
            };
          };
        };
      };
      pageInfo: {
        name: 'pageInfo';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'PageInfo'; ofType: null } };
      };
    };
  };
  ClientAuditTrailConnectionEdge: {
    kind: 'OBJECT';
    name: 'ClientAuditTrailConnectionEdge';
    fields: {
      cursor: {
        name: 'cursor';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      node: {
        name: 'node';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'AuditEvent'; ofType: null } };
      };
    };
  };
  ClientContact: {
    kind: 'OBJECT';
    name: 'ClientContact';
    fields: {
      email: {
        name: 'email';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      name: {
        name: 'name';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
  };
  ClientContactInput: {
    kind: 'INPUT_OBJECT';
    name: 'ClientContactInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'email';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'name';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  ClientFilter: {
    kind: 'INPUT_OBJECT';
    name: 'ClientFilter';
    isOneOf: false;
    inputFields: [
      { name: 'department'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'overdue'; type: { kind: 'SCALAR'; name: 'Boolean'; ofType: null }; defaultValue: null },
      { name: 'salesRepId'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'stage'; type: { kind: 'ENUM'; name: 'ClientStage'; ofType: null }; defaultValue: null },
    ];
  };
  ClientMatch: { name: 'ClientMatch'; enumValues: 'EXISTING_CLIENT' | 'NEW_PROSPECT' | 'POSSIBLE_DUPLICATE' };
  ClientRisk: {
    kind: 'OBJECT';
    name: 'ClientRisk';
    fields: {
      level: {
        name: 'level';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Float'; ofType: null } };
      };
      reasons: {
        name: 'reasons';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
            };
          };
        };
      };
    };
  };
  ClientStage: {
    name: 'ClientStage';
    enumValues:
      | 'ASSIGNED'
      | 'CONTRACTING'
      | 'CREDIT_APPROVED'
      | 'CREDIT_REJECTED'
      | 'CREDIT_REVIEW'
      | 'INACTIVE'
      | 'PROSPECT'
      | 'TRADING'
      | 'VISITED';
  };
  Colleague: {
    kind: 'OBJECT';
    name: 'Colleague';
    fields: {
      department: { name: 'department'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      name: {
        name: 'name';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      role: {
        name: 'role';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'Role'; ofType: null } };
      };
      userId: {
        name: 'userId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
    };
  };
  ConfidentialInformationInput: {
    kind: 'INPUT_OBJECT';
    name: 'ConfidentialInformationInput';
    isOneOf: false;
    inputFields: [
      { name: 'details'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'handled';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  ConfirmPreVisitChecklistInput: {
    kind: 'INPUT_OBJECT';
    name: 'ConfirmPreVisitChecklistInput';
    isOneOf: false;
    inputFields: [
      { name: 'expectedVersion'; type: { kind: 'SCALAR'; name: 'Int'; ofType: null }; defaultValue: null },
      {
        name: 'items';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'INPUT_OBJECT'; name: 'PreVisitChecklistItemInput'; ofType: null };
            };
          };
        };
        defaultValue: null;
      },
      {
        name: 'visitId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  ConfirmVisitAttachmentInput: {
    kind: 'INPUT_OBJECT';
    name: 'ConfirmVisitAttachmentInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'attachmentId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'visitId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  ConflictError: {
    kind: 'OBJECT';
    name: 'ConflictError';
    fields: {
      code: {
        name: 'code';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      message: {
        name: 'message';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
  };
  ContractExecution: {
    kind: 'OBJECT';
    name: 'ContractExecution';
    fields: {
      clientSignerName: {
        name: 'clientSignerName';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      delayReason: { name: 'delayReason'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      dueAt: { name: 'dueAt'; type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      envelopeName: {
        name: 'envelopeName';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      fileName: { name: 'fileName'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      form: {
        name: 'form';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'ContractForm'; ofType: null } };
      };
      gstaffContractId: { name: 'gstaffContractId'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      retentionUntil: { name: 'retentionUntil'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
    };
  };
  ContractForm: { name: 'ContractForm'; enumValues: 'NON_STANDARD' | 'STANDARD' };
  ContractUpload: {
    kind: 'OBJECT';
    name: 'ContractUpload';
    fields: {
      documentKey: {
        name: 'documentKey';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      expiresAt: {
        name: 'expiresAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      headers: {
        name: 'headers';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'JSON'; ofType: null } };
      };
      method: {
        name: 'method';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      url: {
        name: 'url';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
  };
  CreateStaffMemberInput: {
    kind: 'INPUT_OBJECT';
    name: 'CreateStaffMemberInput';
    isOneOf: false;
    inputFields: [
      { name: 'department'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'email';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'name';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'role';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'Role'; ofType: null } };
        defaultValue: null;
      },
      { name: 'supervisorId'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'userId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  CreditPrecheck: {
    kind: 'OBJECT';
    name: 'CreditPrecheck';
    fields: {
      antisocialCheck: {
        name: 'antisocialCheck';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'AntisocialCheckResult'; ofType: null };
        };
      };
      creditRating: {
        name: 'creditRating';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      labourRisk: {
        name: 'labourRisk';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'LabourRisk'; ofType: null } };
      };
      tradeCriteria: {
        name: 'tradeCriteria';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'TradeCriteria'; ofType: null };
        };
      };
    };
  };
  CreditPrecheckInput: {
    kind: 'INPUT_OBJECT';
    name: 'CreditPrecheckInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'antisocialCheck';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'AntisocialCheckResult'; ofType: null };
        };
        defaultValue: null;
      },
      {
        name: 'creditRating';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'labourRisk';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'INPUT_OBJECT'; name: 'LabourRiskInput'; ofType: null };
        };
        defaultValue: null;
      },
      {
        name: 'tradeCriteria';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'INPUT_OBJECT'; name: 'TradeCriteriaInput'; ofType: null };
        };
        defaultValue: null;
      },
    ];
  };
  DateTime: unknown;
  DeadlineStatus: { name: 'DeadlineStatus'; enumValues: 'MET' | 'MET_LATE' | 'ON_TIME' | 'OVERDUE' };
  DecideApprovalInput: {
    kind: 'INPUT_OBJECT';
    name: 'DecideApprovalInput';
    isOneOf: false;
    inputFields: [
      { name: 'comment'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'decision';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'ApprovalDecision'; ofType: null };
        };
        defaultValue: null;
      },
      {
        name: 'taskId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  DecideApprovalPayload: {
    kind: 'OBJECT';
    name: 'DecideApprovalPayload';
    fields: {
      application: {
        name: 'application';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'Application'; ofType: null };
        };
      };
      task: {
        name: 'task';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'ApprovalTask'; ofType: null };
        };
      };
    };
  };
  DispatchExplanation: {
    kind: 'OBJECT';
    name: 'DispatchExplanation';
    fields: {
      acknowledgedAt: {
        name: 'acknowledgedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      acknowledgedByRole: {
        name: 'acknowledgedByRole';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      how: {
        name: 'how';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'ExplanationMedium'; ofType: null };
        };
      };
      topics: {
        name: 'topics';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'ENUM'; name: 'DispatchExplanationTopic'; ofType: null };
            };
          };
        };
      };
    };
  };
  DispatchExplanationInput: {
    kind: 'INPUT_OBJECT';
    name: 'DispatchExplanationInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'acknowledgedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'acknowledgedByRole';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'how';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'ExplanationMedium'; ofType: null };
        };
        defaultValue: null;
      },
      {
        name: 'topics';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'ENUM'; name: 'DispatchExplanationTopic'; ofType: null };
            };
          };
        };
        defaultValue: null;
      },
    ];
  };
  DispatchExplanationTopic: {
    name: 'DispatchExplanationTopic';
    enumValues: 'COMMAND_AUTHORITY' | 'CONTRACT_COMPLIANCE' | 'EMPLOYMENT_RELATIONSHIP' | 'RECEIVING_STAFF';
  };
  Dispatchability: {
    name: 'Dispatchability';
    enumValues: 'DISPATCHABLE' | 'NOT_DISPATCHABLE' | 'RECONFIRM_AT_VISIT';
  };
  Error: {
    kind: 'INTERFACE';
    name: 'Error';
    fields: {
      code: {
        name: 'code';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      message: {
        name: 'message';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
    possibleTypes: 'ConflictError' | 'NotFoundError' | 'PreconditionFailedError' | 'ValidationError';
  };
  ExplanationMedium: { name: 'ExplanationMedium'; enumValues: 'ON_SCREEN' | 'WRITTEN' };
  FieldChange: {
    kind: 'OBJECT';
    name: 'FieldChange';
    fields: {
      after: { name: 'after'; type: { kind: 'SCALAR'; name: 'JSON'; ofType: null } };
      before: { name: 'before'; type: { kind: 'SCALAR'; name: 'JSON'; ofType: null } };
      field: {
        name: 'field';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
  };
  FieldError: {
    kind: 'OBJECT';
    name: 'FieldError';
    fields: {
      message: {
        name: 'message';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      path: {
        name: 'path';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
  };
  Finding: {
    kind: 'OBJECT';
    name: 'Finding';
    fields: {
      note: {
        name: 'note';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      result: {
        name: 'result';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'FindingResult'; ofType: null };
        };
      };
    };
  };
  FindingInput: {
    kind: 'INPUT_OBJECT';
    name: 'FindingInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'note';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'result';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'FindingResult'; ofType: null };
        };
        defaultValue: null;
      },
    ];
  };
  FindingResult: { name: 'FindingResult'; enumValues: 'CONCERN' | 'OK' };
  FirstContactDeadline: {
    kind: 'OBJECT';
    name: 'FirstContactDeadline';
    fields: {
      contactedAt: { name: 'contactedAt'; type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      contactedBy: { name: 'contactedBy'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      dueAt: {
        name: 'dueAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      escalatedAt: { name: 'escalatedAt'; type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      note: { name: 'note'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      status: {
        name: 'status';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'DeadlineStatus'; ofType: null };
        };
      };
    };
  };
  Float: unknown;
  GStaffClient: {
    kind: 'OBJECT';
    name: 'GStaffClient';
    fields: {
      active: {
        name: 'active';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      conflictDates: {
        name: 'conflictDates';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'GStaffConflictDate'; ofType: null };
            };
          };
        };
      };
      corporateNumber: { name: 'corporateNumber'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      gstaffClientId: {
        name: 'gstaffClientId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      mirroredAt: {
        name: 'mirroredAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      name: {
        name: 'name';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      pastTroubles: {
        name: 'pastTroubles';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'GStaffPastTrouble'; ofType: null };
            };
          };
        };
      };
      turnoverRate: { name: 'turnoverRate'; type: { kind: 'SCALAR'; name: 'Float'; ofType: null } };
    };
  };
  GStaffConflictDate: {
    kind: 'OBJECT';
    name: 'GStaffConflictDate';
    fields: {
      conflictDate: {
        name: 'conflictDate';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      establishment: {
        name: 'establishment';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
  };
  GStaffMatch: {
    kind: 'OBJECT';
    name: 'GStaffMatch';
    fields: {
      match: {
        name: 'match';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      record: {
        name: 'record';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'GStaffClient'; ofType: null };
        };
      };
    };
  };
  GStaffPastTrouble: {
    kind: 'OBJECT';
    name: 'GStaffPastTrouble';
    fields: {
      date: {
        name: 'date';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      summary: {
        name: 'summary';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
  };
  HazardRating: { name: 'HazardRating'; enumValues: 'HIGH' | 'LOW' | 'MEDIUM' };
  HearingCompleteness: {
    kind: 'OBJECT';
    name: 'HearingCompleteness';
    fields: {
      complete: {
        name: 'complete';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      missing: {
        name: 'missing';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'ENUM'; name: 'HearingItem'; ofType: null };
            };
          };
        };
      };
      missingForFirstContact: {
        name: 'missingForFirstContact';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'ENUM'; name: 'HearingItem'; ofType: null };
            };
          };
        };
      };
      missingForOrder: {
        name: 'missingForOrder';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'ENUM'; name: 'HearingItem'; ofType: null };
            };
          };
        };
      };
    };
  };
  HearingItem: {
    name: 'HearingItem';
    enumValues:
      | 'acceptanceSetup'
      | 'billingRate'
      | 'confidentialInformation'
      | 'departmentAndFollowUp'
      | 'dispatchPeriod'
      | 'hazardRating'
      | 'hazardousWork'
      | 'healthAndSafety'
      | 'jobCategory'
      | 'jobContent'
      | 'overtime'
      | 'recruitmentBackground'
      | 'requiredQualifications'
      | 'requiredSkills'
      | 'safetyTraining'
      | 'siteEnvironment'
      | 'startDate'
      | 'timeBand'
      | 'welfare'
      | 'workLocation'
      | 'workingDays'
      | 'workingHours';
  };
  HearingItemSource: {
    kind: 'OBJECT';
    name: 'HearingItemSource';
    fields: {
      at: {
        name: 'at';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      by: {
        name: 'by';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      hearingSheetId: { name: 'hearingSheetId'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      inquiryId: { name: 'inquiryId'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      item: {
        name: 'item';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'HearingItem'; ofType: null } };
      };
      via: {
        name: 'via';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      visitId: { name: 'visitId'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
    };
  };
  HearingItems: {
    kind: 'OBJECT';
    name: 'HearingItems';
    fields: {
      acceptanceSetup: { name: 'acceptanceSetup'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      billingRate: { name: 'billingRate'; type: { kind: 'OBJECT'; name: 'BillingRate'; ofType: null } };
      confidentialInformation: {
        name: 'confidentialInformation';
        type: { kind: 'OBJECT'; name: 'YesNoWithDetails'; ofType: null };
      };
      departmentAndFollowUp: {
        name: 'departmentAndFollowUp';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
      };
      dispatchPeriod: { name: 'dispatchPeriod'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      hazardRating: { name: 'hazardRating'; type: { kind: 'ENUM'; name: 'HazardRating'; ofType: null } };
      hazardousWork: { name: 'hazardousWork'; type: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      healthAndSafety: { name: 'healthAndSafety'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      jobCategory: { name: 'jobCategory'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      jobContent: { name: 'jobContent'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      overtime: { name: 'overtime'; type: { kind: 'OBJECT'; name: 'Overtime'; ofType: null } };
      recruitmentBackground: {
        name: 'recruitmentBackground';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
      };
      requiredQualifications: {
        name: 'requiredQualifications';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
      };
      requiredSkills: { name: 'requiredSkills'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      safetyTraining: {
        name: 'safetyTraining';
        type: { kind: 'OBJECT'; name: 'YesNoWithDetails'; ofType: null };
      };
      siteEnvironment: { name: 'siteEnvironment'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      startDate: { name: 'startDate'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      timeBand: { name: 'timeBand'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      welfare: { name: 'welfare'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      workLocation: { name: 'workLocation'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      workingDays: { name: 'workingDays'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      workingHours: { name: 'workingHours'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
    };
  };
  HearingItemsInput: {
    kind: 'INPUT_OBJECT';
    name: 'HearingItemsInput';
    isOneOf: false;
    inputFields: [
      { name: 'acceptanceSetup'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'billingRate';
        type: { kind: 'INPUT_OBJECT'; name: 'BillingRateInput'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'confidentialInformation';
        type: { kind: 'INPUT_OBJECT'; name: 'ConfidentialInformationInput'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'departmentAndFollowUp';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
        defaultValue: null;
      },
      { name: 'dispatchPeriod'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'hazardRating';
        type: { kind: 'ENUM'; name: 'HazardRating'; ofType: null };
        defaultValue: null;
      },
      { name: 'hazardousWork'; type: { kind: 'SCALAR'; name: 'Boolean'; ofType: null }; defaultValue: null },
      { name: 'healthAndSafety'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'jobCategory'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'jobContent'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'overtime';
        type: { kind: 'INPUT_OBJECT'; name: 'OvertimeInput'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'recruitmentBackground';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'requiredQualifications';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
        defaultValue: null;
      },
      { name: 'requiredSkills'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'safetyTraining';
        type: { kind: 'INPUT_OBJECT'; name: 'SafetyTrainingInput'; ofType: null };
        defaultValue: null;
      },
      { name: 'siteEnvironment'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'startDate'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'timeBand'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'welfare'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'workLocation'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'workingDays'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'workingHours'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
    ];
  };
  HearingJudgment: {
    kind: 'OBJECT';
    name: 'HearingJudgment';
    fields: {
      judgedAt: {
        name: 'judgedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      judgedBy: {
        name: 'judgedBy';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      reason: { name: 'reason'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      result: {
        name: 'result';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'Dispatchability'; ofType: null };
        };
      };
    };
  };
  HearingJudgmentInput: {
    kind: 'INPUT_OBJECT';
    name: 'HearingJudgmentInput';
    isOneOf: false;
    inputFields: [
      { name: 'reason'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'result';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'Dispatchability'; ofType: null };
        };
        defaultValue: null;
      },
    ];
  };
  HearingSheet: {
    kind: 'OBJECT';
    name: 'HearingSheet';
    fields: {
      completeness: {
        name: 'completeness';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'HearingCompleteness'; ofType: null };
        };
      };
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      inquiryId: {
        name: 'inquiryId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      items: {
        name: 'items';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'HearingItems'; ofType: null };
        };
      };
      sources: {
        name: 'sources';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'HearingItemSource'; ofType: null };
            };
          };
        };
      };
      updatedAt: {
        name: 'updatedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      version: {
        name: 'version';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
    };
  };
  ID: unknown;
  Industry: {
    name: 'Industry';
    enumValues:
      | 'ACCOMMODATION_FOOD'
      | 'AGRICULTURE_FORESTRY'
      | 'COMPOUND_SERVICES'
      | 'CONSTRUCTION'
      | 'EDUCATION'
      | 'FINANCE_INSURANCE'
      | 'FISHERIES'
      | 'GOVERNMENT'
      | 'INFORMATION_COMMUNICATIONS'
      | 'LIVING_ENTERTAINMENT'
      | 'MANUFACTURING'
      | 'MEDICAL_WELFARE'
      | 'MINING'
      | 'OTHER_SERVICES'
      | 'PROFESSIONAL_TECHNICAL'
      | 'REAL_ESTATE_LEASING'
      | 'TRANSPORT_POSTAL'
      | 'UNCLASSIFIABLE'
      | 'UTILITIES'
      | 'WHOLESALE_RETAIL';
  };
  Inquiry: {
    kind: 'OBJECT';
    name: 'Inquiry';
    fields: {
      channel: {
        name: 'channel';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'InquiryChannel'; ofType: null };
        };
      };
      client: { name: 'client'; type: { kind: 'OBJECT'; name: 'Client'; ofType: null } };
      clientMatch: {
        name: 'clientMatch';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'ClientMatch'; ofType: null } };
      };
      company: {
        name: 'company';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      contactDepartment: {
        name: 'contactDepartment';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
      };
      contactName: {
        name: 'contactName';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      department: { name: 'department'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      email: { name: 'email'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      firstContact: {
        name: 'firstContact';
        type: { kind: 'OBJECT'; name: 'FirstContactDeadline'; ofType: null };
      };
      hearingJudgment: {
        name: 'hearingJudgment';
        type: { kind: 'OBJECT'; name: 'HearingJudgment'; ofType: null };
      };
      hearingSheet: { name: 'hearingSheet'; type: { kind: 'OBJECT'; name: 'HearingSheet'; ofType: null } };
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      message: { name: 'message'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      phone: { name: 'phone'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      receivedAt: {
        name: 'receivedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      requestedJobCategory: {
        name: 'requestedJobCategory';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
      };
      requestedStart: { name: 'requestedStart'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      routedAt: { name: 'routedAt'; type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      routedBy: { name: 'routedBy'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      status: {
        name: 'status';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'InquiryStatus'; ofType: null };
        };
      };
      takenBy: { name: 'takenBy'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      version: {
        name: 'version';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
    };
  };
  InquiryChannel: { name: 'InquiryChannel'; enumValues: 'PHONE' | 'WEB' };
  InquiryFilter: {
    kind: 'INPUT_OBJECT';
    name: 'InquiryFilter';
    isOneOf: false;
    inputFields: [
      { name: 'department'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'overdue'; type: { kind: 'SCALAR'; name: 'Boolean'; ofType: null }; defaultValue: null },
      { name: 'status'; type: { kind: 'ENUM'; name: 'InquiryStatus'; ofType: null }; defaultValue: null },
    ];
  };
  InquiryStatus: { name: 'InquiryStatus'; enumValues: 'CONTACTED' | 'NEW' | 'ROUTED' };
  Int: unknown;
  JSON: unknown;
  KintoneSync: {
    kind: 'OBJECT';
    name: 'KintoneSync';
    fields: {
      app: {
        name: 'app';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      attempts: {
        name: 'attempts';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      hubId: {
        name: 'hubId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      kintoneRecordId: { name: 'kintoneRecordId'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      lastError: { name: 'lastError'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      nextAttemptAt: { name: 'nextAttemptAt'; type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      state: {
        name: 'state';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'KintoneSyncState'; ofType: null };
        };
      };
      subjectId: {
        name: 'subjectId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      subjectType: {
        name: 'subjectType';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      updatedAt: {
        name: 'updatedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
    };
  };
  KintoneSyncState: { name: 'KintoneSyncState'; enumValues: 'DONE' | 'FAILED' | 'PENDING' };
  LabourRisk: {
    kind: 'OBJECT';
    name: 'LabourRisk';
    fields: {
      labourDisputes: {
        name: 'labourDisputes';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Finding'; ofType: null } };
      };
      pastUnpaidWages: {
        name: 'pastUnpaidWages';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Finding'; ofType: null } };
      };
      turnover: {
        name: 'turnover';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Finding'; ofType: null } };
      };
    };
  };
  LabourRiskInput: {
    kind: 'INPUT_OBJECT';
    name: 'LabourRiskInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'labourDisputes';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'INPUT_OBJECT'; name: 'FindingInput'; ofType: null };
        };
        defaultValue: null;
      },
      {
        name: 'pastUnpaidWages';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'INPUT_OBJECT'; name: 'FindingInput'; ofType: null };
        };
        defaultValue: null;
      },
      {
        name: 'turnover';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'INPUT_OBJECT'; name: 'FindingInput'; ofType: null };
        };
        defaultValue: null;
      },
    ];
  };
  LedgerFact: {
    kind: 'OBJECT';
    name: 'LedgerFact';
    fields: {
      item: {
        name: 'item';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'HearingItem'; ofType: null } };
      };
      source: {
        name: 'source';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'HearingItemSource'; ofType: null };
        };
      };
      value: {
        name: 'value';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'JSON'; ofType: null } };
      };
    };
  };
  Me: {
    kind: 'OBJECT';
    name: 'Me';
    fields: {
      department: { name: 'department'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      role: {
        name: 'role';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'Role'; ofType: null } };
      };
      staffMember: { name: 'staffMember'; type: { kind: 'OBJECT'; name: 'StaffMember'; ofType: null } };
      userId: {
        name: 'userId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
    };
  };
  Mutation: {
    kind: 'OBJECT';
    name: 'Mutation';
    fields: {
      assignSalesRep: {
        name: 'assignSalesRep';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationAssignSalesRepResult'; ofType: null };
        };
      };
      cancelVisit: {
        name: 'cancelVisit';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationCancelVisitResult'; ofType: null };
        };
      };
      confirmPreVisitChecklist: {
        name: 'confirmPreVisitChecklist';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationConfirmPreVisitChecklistResult'; ofType: null };
        };
      };
      confirmVisitAttachment: {
        name: 'confirmVisitAttachment';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationConfirmVisitAttachmentResult'; ofType: null };
        };
      };
      createStaffMember: {
        name: 'createStaffMember';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationCreateStaffMemberResult'; ofType: null };
        };
      };
      decideApproval: {
        name: 'decideApproval';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationDecideApprovalResult'; ofType: null };
        };
      };
      markNotificationRead: {
        name: 'markNotificationRead';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationMarkNotificationReadResult'; ofType: null };
        };
      };
      planVisit: {
        name: 'planVisit';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationPlanVisitResult'; ofType: null };
        };
      };
      recordDelayReason: {
        name: 'recordDelayReason';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationRecordDelayReasonResult'; ofType: null };
        };
      };
      recordFirstContact: {
        name: 'recordFirstContact';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationRecordFirstContactResult'; ofType: null };
        };
      };
      recordHearingJudgment: {
        name: 'recordHearingJudgment';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationRecordHearingJudgmentResult'; ofType: null };
        };
      };
      recordPhoneInquiry: {
        name: 'recordPhoneInquiry';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationRecordPhoneInquiryResult'; ofType: null };
        };
      };
      recordVisit: {
        name: 'recordVisit';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationRecordVisitResult'; ofType: null };
        };
      };
      registerOrder: {
        name: 'registerOrder';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationRegisterOrderResult'; ofType: null };
        };
      };
      requestContractUpload: {
        name: 'requestContractUpload';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationRequestContractUploadResult'; ofType: null };
        };
      };
      requestVisitAttachmentUpload: {
        name: 'requestVisitAttachmentUpload';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationRequestVisitAttachmentUploadResult'; ofType: null };
        };
      };
      rescheduleVisit: {
        name: 'rescheduleVisit';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationRescheduleVisitResult'; ofType: null };
        };
      };
      routeInquiry: {
        name: 'routeInquiry';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationRouteInquiryResult'; ofType: null };
        };
      };
      saveHearingSheet: {
        name: 'saveHearingSheet';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationSaveHearingSheetResult'; ofType: null };
        };
      };
      submitContractExecution: {
        name: 'submitContractExecution';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationSubmitContractExecutionResult'; ofType: null };
        };
      };
      submitCreditPrecheck: {
        name: 'submitCreditPrecheck';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationSubmitCreditPrecheckResult'; ofType: null };
        };
      };
      updateClientProfile: {
        name: 'updateClientProfile';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationUpdateClientProfileResult'; ofType: null };
        };
      };
      updateStaffMember: {
        name: 'updateStaffMember';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'MutationUpdateStaffMemberResult'; ofType: null };
        };
      };
    };
  };
  MutationAssignSalesRepResult: {
    kind: 'UNION';
    name: 'MutationAssignSalesRepResult';
    fields: {};
    possibleTypes:
      | 'AssignSalesRepPayload'
      | 'ConflictError'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError';
  };
  MutationCancelVisitResult: {
    kind: 'UNION';
    name: 'MutationCancelVisitResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError'
      | 'Visit';
  };
  MutationConfirmPreVisitChecklistResult: {
    kind: 'UNION';
    name: 'MutationConfirmPreVisitChecklistResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError'
      | 'Visit';
  };
  MutationConfirmVisitAttachmentResult: {
    kind: 'UNION';
    name: 'MutationConfirmVisitAttachmentResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError'
      | 'Visit';
  };
  MutationCreateStaffMemberResult: {
    kind: 'UNION';
    name: 'MutationCreateStaffMemberResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'StaffMember'
      | 'ValidationError';
  };
  MutationDecideApprovalResult: {
    kind: 'UNION';
    name: 'MutationDecideApprovalResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'DecideApprovalPayload'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError';
  };
  MutationMarkNotificationReadResult: {
    kind: 'UNION';
    name: 'MutationMarkNotificationReadResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'NotFoundError'
      | 'Notification'
      | 'PreconditionFailedError'
      | 'ValidationError';
  };
  MutationPlanVisitResult: {
    kind: 'UNION';
    name: 'MutationPlanVisitResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError'
      | 'Visit';
  };
  MutationRecordDelayReasonResult: {
    kind: 'UNION';
    name: 'MutationRecordDelayReasonResult';
    fields: {};
    possibleTypes:
      | 'Application'
      | 'ConflictError'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError';
  };
  MutationRecordFirstContactResult: {
    kind: 'UNION';
    name: 'MutationRecordFirstContactResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'Inquiry'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError';
  };
  MutationRecordHearingJudgmentResult: {
    kind: 'UNION';
    name: 'MutationRecordHearingJudgmentResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'Inquiry'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError';
  };
  MutationRecordPhoneInquiryResult: {
    kind: 'UNION';
    name: 'MutationRecordPhoneInquiryResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'Inquiry'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError';
  };
  MutationRecordVisitResult: {
    kind: 'UNION';
    name: 'MutationRecordVisitResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'RecordVisitPayload'
      | 'ValidationError';
  };
  MutationRegisterOrderResult: {
    kind: 'UNION';
    name: 'MutationRegisterOrderResult';
    fields: {};
    possibleTypes:
      | 'Application'
      | 'ConflictError'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError';
  };
  MutationRequestContractUploadResult: {
    kind: 'UNION';
    name: 'MutationRequestContractUploadResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'ContractUpload'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError';
  };
  MutationRequestVisitAttachmentUploadResult: {
    kind: 'UNION';
    name: 'MutationRequestVisitAttachmentUploadResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError'
      | 'VisitAttachmentUpload';
  };
  MutationRescheduleVisitResult: {
    kind: 'UNION';
    name: 'MutationRescheduleVisitResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError'
      | 'Visit';
  };
  MutationRouteInquiryResult: {
    kind: 'UNION';
    name: 'MutationRouteInquiryResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'Inquiry'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError';
  };
  MutationSaveHearingSheetResult: {
    kind: 'UNION';
    name: 'MutationSaveHearingSheetResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'HearingSheet'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError';
  };
  MutationSubmitContractExecutionResult: {
    kind: 'UNION';
    name: 'MutationSubmitContractExecutionResult';
    fields: {};
    possibleTypes:
      | 'Application'
      | 'ConflictError'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError';
  };
  MutationSubmitCreditPrecheckResult: {
    kind: 'UNION';
    name: 'MutationSubmitCreditPrecheckResult';
    fields: {};
    possibleTypes:
      | 'Application'
      | 'ConflictError'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError';
  };
  MutationUpdateClientProfileResult: {
    kind: 'UNION';
    name: 'MutationUpdateClientProfileResult';
    fields: {};
    possibleTypes:
      | 'Client'
      | 'ConflictError'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'ValidationError';
  };
  MutationUpdateStaffMemberResult: {
    kind: 'UNION';
    name: 'MutationUpdateStaffMemberResult';
    fields: {};
    possibleTypes:
      | 'ConflictError'
      | 'NotFoundError'
      | 'PreconditionFailedError'
      | 'StaffMember'
      | 'ValidationError';
  };
  NotFoundError: {
    kind: 'OBJECT';
    name: 'NotFoundError';
    fields: {
      code: {
        name: 'code';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      entity: {
        name: 'entity';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      message: {
        name: 'message';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
  };
  Notification: {
    kind: 'OBJECT';
    name: 'Notification';
    fields: {
      clientId: { name: 'clientId'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      createdAt: {
        name: 'createdAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      inquiryId: { name: 'inquiryId'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      kind: {
        name: 'kind';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      readAt: { name: 'readAt'; type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      title: {
        name: 'title';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
  };
  Overtime: {
    kind: 'OBJECT';
    name: 'Overtime';
    fields: {
      expected: {
        name: 'expected';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      hoursPerMonth: { name: 'hoursPerMonth'; type: { kind: 'SCALAR'; name: 'Float'; ofType: null } };
    };
  };
  OvertimeInput: {
    kind: 'INPUT_OBJECT';
    name: 'OvertimeInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'expected';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
        defaultValue: null;
      },
      { name: 'hoursPerMonth'; type: { kind: 'SCALAR'; name: 'Float'; ofType: null }; defaultValue: null },
    ];
  };
  PageInfo: {
    kind: 'OBJECT';
    name: 'PageInfo';
    fields: {
      endCursor: { name: 'endCursor'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      hasNextPage: {
        name: 'hasNextPage';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      hasPreviousPage: {
        name: 'hasPreviousPage';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      startCursor: { name: 'startCursor'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
    };
  };
  PlanVisitInput: {
    kind: 'INPUT_OBJECT';
    name: 'PlanVisitInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'clientId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      { name: 'inquiryId'; type: { kind: 'SCALAR'; name: 'ID'; ofType: null }; defaultValue: null },
      {
        name: 'plannedEndAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'plannedStartAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  PreVisitChecklistConfirmation: {
    kind: 'OBJECT';
    name: 'PreVisitChecklistConfirmation';
    fields: {
      confirmedAt: {
        name: 'confirmedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      confirmedBy: {
        name: 'confirmedBy';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      item: {
        name: 'item';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'PreVisitChecklistItem'; ofType: null };
        };
      };
      note: {
        name: 'note';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
  };
  PreVisitChecklistItem: {
    name: 'PreVisitChecklistItem';
    enumValues:
      | 'EMPLOYMENT_MANAGEMENT'
      | 'HEALTH_AND_SAFETY_SETUP'
      | 'PERSONAL_INFORMATION_HANDLING'
      | 'TRAINING'
      | 'WORK_ENVIRONMENT';
  };
  PreVisitChecklistItemInput: {
    kind: 'INPUT_OBJECT';
    name: 'PreVisitChecklistItemInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'item';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'PreVisitChecklistItem'; ofType: null };
        };
        defaultValue: null;
      },
      {
        name: 'note';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  PreconditionFailedError: {
    kind: 'OBJECT';
    name: 'PreconditionFailedError';
    fields: {
      code: {
        name: 'code';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      message: {
        name: 'message';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      rule: {
        name: 'rule';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
  };
  ProhibitedWorkCategory: {
    name: 'ProhibitedWorkCategory';
    enumValues: 'CONSTRUCTION' | 'LICENSED_PROFESSION' | 'MEDICAL' | 'PORT_TRANSPORT' | 'SECURITY_GUARD';
  };
  Query: {
    kind: 'OBJECT';
    name: 'Query';
    fields: {
      application: {
        name: 'application';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'QueryApplicationResult'; ofType: null };
        };
      };
      client: {
        name: 'client';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'QueryClientResult'; ofType: null };
        };
      };
      clients: {
        name: 'clients';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'QueryClientsConnection'; ofType: null };
        };
      };
      gstaffClients: {
        name: 'gstaffClients';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'GStaffClient'; ofType: null };
            };
          };
        };
      };
      inquiries: {
        name: 'inquiries';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'QueryInquiriesConnection'; ofType: null };
        };
      };
      inquiry: {
        name: 'inquiry';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'QueryInquiryResult'; ofType: null };
        };
      };
      me: {
        name: 'me';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Me'; ofType: null } };
      };
      myApprovalTasks: {
        name: 'myApprovalTasks';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'ApprovalTask'; ofType: null };
            };
          };
        };
      };
      myNotifications: {
        name: 'myNotifications';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'QueryMyNotificationsConnection'; ofType: null };
        };
      };
      salesDepartments: {
        name: 'salesDepartments';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'SCALAR'; name: 'String'; ofType: null };
            };
          };
        };
      };
      salesRepProposal: {
        name: 'salesRepProposal';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'QuerySalesRepProposalResult'; ofType: null };
        };
      };
      staffMembers: {
        name: 'staffMembers';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'StaffMember'; ofType: null };
            };
          };
        };
      };
      visit: {
        name: 'visit';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'UNION'; name: 'QueryVisitResult'; ofType: null };
        };
      };
    };
  };
  QueryApplicationResult: {
    kind: 'UNION';
    name: 'QueryApplicationResult';
    fields: {};
    possibleTypes: 'Application' | 'NotFoundError';
  };
  QueryClientResult: {
    kind: 'UNION';
    name: 'QueryClientResult';
    fields: {};
    possibleTypes: 'Client' | 'NotFoundError';
  };
  QueryClientsConnection: {
    kind: 'OBJECT';
    name: 'QueryClientsConnection';
    fields: {
      edges: {
        name: 'edges';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'QueryClientsConnectionEdge'; ofType: null };
            };
          };
        };
      };
      pageInfo: {
        name: 'pageInfo';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'PageInfo'; ofType: null } };
      };
    };
  };
  QueryClientsConnectionEdge: {
    kind: 'OBJECT';
    name: 'QueryClientsConnectionEdge';
    fields: {
      cursor: {
        name: 'cursor';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      node: {
        name: 'node';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Client'; ofType: null } };
      };
    };
  };
  QueryInquiriesConnection: {
    kind: 'OBJECT';
    name: 'QueryInquiriesConnection';
    fields: {
      edges: {
        name: 'edges';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'QueryInquiriesConnectionEdge'; ofType: null };
            };
          };
        };
      };
      pageInfo: {
        name: 'pageInfo';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'PageInfo'; ofType: null } };
      };
    };
  };
  QueryInquiriesConnectionEdge: {
    kind: 'OBJECT';
    name: 'QueryInquiriesConnectionEdge';
    fields: {
      cursor: {
        name: 'cursor';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      node: {
        name: 'node';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Inquiry'; ofType: null } };
      };
    };
  };
  QueryInquiryResult: {
    kind: 'UNION';
    name: 'QueryInquiryResult';
    fields: {};
    possibleTypes: 'Inquiry' | 'NotFoundError';
  };
  QueryMyNotificationsConnection: {
    kind: 'OBJECT';
    name: 'QueryMyNotificationsConnection';
    fields: {
      edges: {
        name: 'edges';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'QueryMyNotificationsConnectionEdge'; ofType: null };
            };
          };
        };
      };
      pageInfo: {
        name: 'pageInfo';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'PageInfo'; ofType: null } };
      };
    };
  };
  QueryMyNotificationsConnectionEdge: {
    kind: 'OBJECT';
    name: 'QueryMyNotificationsConnectionEdge';
    fields: {
      cursor: {
        name: 'cursor';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      node: {
        name: 'node';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'Notification'; ofType: null };
        };
      };
    };
  };
  QuerySalesRepProposalResult: {
    kind: 'UNION';
    name: 'QuerySalesRepProposalResult';
    fields: {};
    possibleTypes: 'NotFoundError' | 'PreconditionFailedError' | 'SalesRepProposal';
  };
  QueryVisitResult: {
    kind: 'UNION';
    name: 'QueryVisitResult';
    fields: {};
    possibleTypes: 'NotFoundError' | 'Visit';
  };
  RankedSalesRep: {
    kind: 'OBJECT';
    name: 'RankedSalesRep';
    fields: {
      factors: {
        name: 'factors';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'AssignmentFactorScore'; ofType: null };
            };
          };
        };
      };
      name: {
        name: 'name';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      rank: {
        name: 'rank';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      salesRepId: {
        name: 'salesRepId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      score: {
        name: 'score';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Float'; ofType: null } };
      };
      tied: {
        name: 'tied';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
    };
  };
  RecordDelayReasonInput: {
    kind: 'INPUT_OBJECT';
    name: 'RecordDelayReasonInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'applicationId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'reason';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  RecordFirstContactInput: {
    kind: 'INPUT_OBJECT';
    name: 'RecordFirstContactInput';
    isOneOf: false;
    inputFields: [
      { name: 'contactedAt'; type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null }; defaultValue: null },
      { name: 'expectedVersion'; type: { kind: 'SCALAR'; name: 'Int'; ofType: null }; defaultValue: null },
      {
        name: 'hearingJudgment';
        type: { kind: 'INPUT_OBJECT'; name: 'HearingJudgmentInput'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'inquiryId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      { name: 'note'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
    ];
  };
  RecordHearingJudgmentInput: {
    kind: 'INPUT_OBJECT';
    name: 'RecordHearingJudgmentInput';
    isOneOf: false;
    inputFields: [
      { name: 'expectedVersion'; type: { kind: 'SCALAR'; name: 'Int'; ofType: null }; defaultValue: null },
      {
        name: 'inquiryId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'judgment';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'INPUT_OBJECT'; name: 'HearingJudgmentInput'; ofType: null };
        };
        defaultValue: null;
      },
    ];
  };
  RecordPhoneInquiryInput: {
    kind: 'INPUT_OBJECT';
    name: 'RecordPhoneInquiryInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'company';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'contactDepartment';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'contactName';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      { name: 'corporateNumber'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'department'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'email'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'hearingJudgment';
        type: { kind: 'INPUT_OBJECT'; name: 'HearingJudgmentInput'; ofType: null };
        defaultValue: null;
      },
      { name: 'message'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'phone'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'requestedJobCategory';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
        defaultValue: null;
      },
      { name: 'requestedStart'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
    ];
  };
  RecordVisitInput: {
    kind: 'INPUT_OBJECT';
    name: 'RecordVisitInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'dispatchExplanation';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'INPUT_OBJECT'; name: 'DispatchExplanationInput'; ofType: null };
        };
        defaultValue: null;
      },
      {
        name: 'endedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
        defaultValue: null;
      },
      { name: 'expectedVersion'; type: { kind: 'SCALAR'; name: 'Int'; ofType: null }; defaultValue: null },
      {
        name: 'explained';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'INPUT_OBJECT'; name: 'VisitExplanationsInput'; ofType: null };
        };
        defaultValue: null;
      },
      {
        name: 'hearingItems';
        type: { kind: 'INPUT_OBJECT'; name: 'HearingItemsInput'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'hrIssues';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      { name: 'notes'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'recruitmentBackground';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'requestLikely';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'startedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'visitId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'workJudgment';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'INPUT_OBJECT'; name: 'WorkJudgmentInput'; ofType: null };
        };
        defaultValue: null;
      },
    ];
  };
  RecordVisitPayload: {
    kind: 'OBJECT';
    name: 'RecordVisitPayload';
    fields: {
      draftApplication: {
        name: 'draftApplication';
        type: { kind: 'OBJECT'; name: 'Application'; ofType: null };
      };
      visit: {
        name: 'visit';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Visit'; ofType: null } };
      };
    };
  };
  RegisterOrderInput: {
    kind: 'INPUT_OBJECT';
    name: 'RegisterOrderInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'inquiryId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  RequestContractUploadInput: {
    kind: 'INPUT_OBJECT';
    name: 'RequestContractUploadInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'clientId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'fileName';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'size';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  RequestVisitAttachmentUploadInput: {
    kind: 'INPUT_OBJECT';
    name: 'RequestVisitAttachmentUploadInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'contentType';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'fileName';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'kind';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'VisitAttachmentKind'; ofType: null };
        };
        defaultValue: null;
      },
      {
        name: 'size';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'visitId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  RescheduleVisitInput: {
    kind: 'INPUT_OBJECT';
    name: 'RescheduleVisitInput';
    isOneOf: false;
    inputFields: [
      { name: 'expectedVersion'; type: { kind: 'SCALAR'; name: 'Int'; ofType: null }; defaultValue: null },
      {
        name: 'plannedEndAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'plannedStartAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'visitId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  Role: { name: 'Role'; enumValues: 'ADMIN' | 'DIRECTOR' | 'LEGAL' | 'MANAGER' | 'MARKETING' | 'SALES' };
  RouteInquiryInput: {
    kind: 'INPUT_OBJECT';
    name: 'RouteInquiryInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'department';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      { name: 'expectedVersion'; type: { kind: 'SCALAR'; name: 'Int'; ofType: null }; defaultValue: null },
      {
        name: 'hearingJudgment';
        type: { kind: 'INPUT_OBJECT'; name: 'HearingJudgmentInput'; ofType: null };
        defaultValue: null;
      },
      {
        name: 'inquiryId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  SafetyTrainingInput: {
    kind: 'INPUT_OBJECT';
    name: 'SafetyTrainingInput';
    isOneOf: false;
    inputFields: [
      { name: 'details'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'provided';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  SalesRepAssignment: {
    kind: 'OBJECT';
    name: 'SalesRepAssignment';
    fields: {
      assignedAt: {
        name: 'assignedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      assignedBy: {
        name: 'assignedBy';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      endedAt: { name: 'endedAt'; type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      overrideReason: { name: 'overrideReason'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      proposal: {
        name: 'proposal';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'SalesRepProposal'; ofType: null };
        };
      };
      proposalRank: {
        name: 'proposalRank';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      salesRepId: {
        name: 'salesRepId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
  };
  SalesRepProposal: {
    kind: 'OBJECT';
    name: 'SalesRepProposal';
    fields: {
      candidates: {
        name: 'candidates';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'RankedSalesRep'; ofType: null };
            };
          };
        };
      };
      clientId: {
        name: 'clientId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      computedAt: {
        name: 'computedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      department: {
        name: 'department';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      risk: {
        name: 'risk';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'ClientRisk'; ofType: null } };
      };
      weights: {
        name: 'weights';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'AssignmentWeights'; ofType: null };
        };
      };
    };
  };
  SaveHearingSheetInput: {
    kind: 'INPUT_OBJECT';
    name: 'SaveHearingSheetInput';
    isOneOf: false;
    inputFields: [
      { name: 'expectedVersion'; type: { kind: 'SCALAR'; name: 'Int'; ofType: null }; defaultValue: null },
      {
        name: 'inquiryId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'items';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'INPUT_OBJECT'; name: 'HearingItemsInput'; ofType: null };
        };
        defaultValue: null;
      },
    ];
  };
  StaffMember: {
    kind: 'OBJECT';
    name: 'StaffMember';
    fields: {
      active: {
        name: 'active';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      department: { name: 'department'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      email: {
        name: 'email';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      name: {
        name: 'name';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      role: {
        name: 'role';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'Role'; ofType: null } };
      };
      supervisorId: { name: 'supervisorId'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      updatedAt: {
        name: 'updatedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      userId: {
        name: 'userId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      version: {
        name: 'version';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
    };
  };
  String: unknown;
  SubmitContractExecutionInput: {
    kind: 'INPUT_OBJECT';
    name: 'SubmitContractExecutionInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'clientId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      { name: 'documentKey'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'fileName'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'form';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'ContractForm'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  SubmitCreditPrecheckInput: {
    kind: 'INPUT_OBJECT';
    name: 'SubmitCreditPrecheckInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'clientId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'creditPrecheck';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'INPUT_OBJECT'; name: 'CreditPrecheckInput'; ofType: null };
        };
        defaultValue: null;
      },
    ];
  };
  TradeCriteria: {
    kind: 'OBJECT';
    name: 'TradeCriteria';
    fields: {
      antisocialForces: {
        name: 'antisocialForces';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Finding'; ofType: null } };
      };
      businessCondition: {
        name: 'businessCondition';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Finding'; ofType: null } };
      };
      legalCompliance: {
        name: 'legalCompliance';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Finding'; ofType: null } };
      };
      workplaceEnvironment: {
        name: 'workplaceEnvironment';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Finding'; ofType: null } };
      };
    };
  };
  TradeCriteriaInput: {
    kind: 'INPUT_OBJECT';
    name: 'TradeCriteriaInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'antisocialForces';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'INPUT_OBJECT'; name: 'FindingInput'; ofType: null };
        };
        defaultValue: null;
      },
      {
        name: 'businessCondition';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'INPUT_OBJECT'; name: 'FindingInput'; ofType: null };
        };
        defaultValue: null;
      },
      {
        name: 'legalCompliance';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'INPUT_OBJECT'; name: 'FindingInput'; ofType: null };
        };
        defaultValue: null;
      },
      {
        name: 'workplaceEnvironment';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'INPUT_OBJECT'; name: 'FindingInput'; ofType: null };
        };
        defaultValue: null;
      },
    ];
  };
  UpdateClientProfileInput: {
    kind: 'INPUT_OBJECT';
    name: 'UpdateClientProfileInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'clientId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'contact';
        type: { kind: 'INPUT_OBJECT'; name: 'ClientContactInput'; ofType: null };
        defaultValue: null;
      },
      { name: 'corporateNumber'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'expectedVersion'; type: { kind: 'SCALAR'; name: 'Int'; ofType: null }; defaultValue: null },
      { name: 'industry'; type: { kind: 'ENUM'; name: 'Industry'; ofType: null }; defaultValue: null },
    ];
  };
  UpdateStaffMemberInput: {
    kind: 'INPUT_OBJECT';
    name: 'UpdateStaffMemberInput';
    isOneOf: false;
    inputFields: [
      { name: 'active'; type: { kind: 'SCALAR'; name: 'Boolean'; ofType: null }; defaultValue: null },
      { name: 'department'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'email'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'expectedVersion';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
        defaultValue: null;
      },
      { name: 'name'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'role'; type: { kind: 'ENUM'; name: 'Role'; ofType: null }; defaultValue: null },
      { name: 'supervisorId'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'userId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  UploadGrant: {
    kind: 'OBJECT';
    name: 'UploadGrant';
    fields: {
      expiresAt: {
        name: 'expiresAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      headers: {
        name: 'headers';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'JSON'; ofType: null } };
      };
      method: {
        name: 'method';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      url: {
        name: 'url';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
  };
  ValidationError: {
    kind: 'OBJECT';
    name: 'ValidationError';
    fields: {
      code: {
        name: 'code';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      fieldErrors: {
        name: 'fieldErrors';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'FieldError'; ofType: null };
            };
          };
        };
      };
      message: {
        name: 'message';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
  };
  Visit: {
    kind: 'OBJECT';
    name: 'Visit';
    fields: {
      attachments: {
        name: 'attachments';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'VisitAttachment'; ofType: null };
            };
          };
        };
      };
      cancellationReason: {
        name: 'cancellationReason';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
      };
      checklist: {
        name: 'checklist';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'PreVisitChecklistConfirmation'; ofType: null };
            };
          };
        };
      };
      clientId: {
        name: 'clientId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      draftApplicationId: {
        name: 'draftApplicationId';
        type: { kind: 'SCALAR'; name: 'String'; ofType: null };
      };
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      inquiryId: {
        name: 'inquiryId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      missingChecklistItems: {
        name: 'missingChecklistItems';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'ENUM'; name: 'PreVisitChecklistItem'; ofType: null };
            };
          };
        };
      };
      plannedEndAt: {
        name: 'plannedEndAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      plannedStartAt: {
        name: 'plannedStartAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      record: { name: 'record'; type: { kind: 'OBJECT'; name: 'VisitRecord'; ofType: null } };
      recordDeadline: {
        name: 'recordDeadline';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'VisitRecordDeadline'; ofType: null };
        };
      };
      salesRepId: {
        name: 'salesRepId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      status: {
        name: 'status';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'VisitStatus'; ofType: null } };
      };
      version: {
        name: 'version';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
    };
  };
  VisitAttachment: {
    kind: 'OBJECT';
    name: 'VisitAttachment';
    fields: {
      contentType: {
        name: 'contentType';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      downloadUrl: { name: 'downloadUrl'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      fileName: {
        name: 'fileName';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      kind: {
        name: 'kind';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'VisitAttachmentKind'; ofType: null };
        };
      };
      size: {
        name: 'size';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      state: {
        name: 'state';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      storedAt: { name: 'storedAt'; type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
    };
  };
  VisitAttachmentKind: { name: 'VisitAttachmentKind'; enumValues: 'DRAWING' | 'SITE_PHOTO' };
  VisitAttachmentUpload: {
    kind: 'OBJECT';
    name: 'VisitAttachmentUpload';
    fields: {
      attachment: {
        name: 'attachment';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'VisitAttachment'; ofType: null };
        };
      };
      upload: {
        name: 'upload';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'UploadGrant'; ofType: null };
        };
      };
      visit: {
        name: 'visit';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Visit'; ofType: null } };
      };
    };
  };
  VisitExplanations: {
    kind: 'OBJECT';
    name: 'VisitExplanations';
    fields: {
      company: {
        name: 'company';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      registrants: {
        name: 'registrants';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      trackRecord: {
        name: 'trackRecord';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
    };
  };
  VisitExplanationsInput: {
    kind: 'INPUT_OBJECT';
    name: 'VisitExplanationsInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'company';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'registrants';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'trackRecord';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  VisitOutcome: {
    name: 'VisitOutcome';
    enumValues: 'NO_REQUEST_YET' | 'REJECTED_PROHIBITED_WORK' | 'REQUEST_LIKELY';
  };
  VisitRecord: {
    kind: 'OBJECT';
    name: 'VisitRecord';
    fields: {
      dispatchExplanation: {
        name: 'dispatchExplanation';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'DispatchExplanation'; ofType: null };
        };
      };
      endedAt: {
        name: 'endedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      explained: {
        name: 'explained';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'VisitExplanations'; ofType: null };
        };
      };
      hrIssues: {
        name: 'hrIssues';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      notes: { name: 'notes'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      outcome: {
        name: 'outcome';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'VisitOutcome'; ofType: null } };
      };
      recordedAt: {
        name: 'recordedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      recordedBy: {
        name: 'recordedBy';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      recruitmentBackground: {
        name: 'recruitmentBackground';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      startedAt: {
        name: 'startedAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      workJudgment: {
        name: 'workJudgment';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'WorkJudgment'; ofType: null };
        };
      };
    };
  };
  VisitRecordDeadline: {
    kind: 'OBJECT';
    name: 'VisitRecordDeadline';
    fields: {
      basis: {
        name: 'basis';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      dueAt: {
        name: 'dueAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      escalatedAt: { name: 'escalatedAt'; type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      late: { name: 'late'; type: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      recordedAt: { name: 'recordedAt'; type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      status: {
        name: 'status';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'DeadlineStatus'; ofType: null };
        };
      };
    };
  };
  VisitStatus: { name: 'VisitStatus'; enumValues: 'CANCELLED' | 'PLANNED' | 'PREPARED' | 'RECORDED' };
  WorkJudgment: {
    kind: 'OBJECT';
    name: 'WorkJudgment';
    fields: {
      prohibitedCategory: {
        name: 'prohibitedCategory';
        type: { kind: 'ENUM'; name: 'ProhibitedWorkCategory'; ofType: null };
      };
      reason: { name: 'reason'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      result: {
        name: 'result';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'WorkJudgmentResult'; ofType: null };
        };
      };
    };
  };
  WorkJudgmentInput: {
    kind: 'INPUT_OBJECT';
    name: 'WorkJudgmentInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'prohibitedCategory';
        type: { kind: 'ENUM'; name: 'ProhibitedWorkCategory'; ofType: null };
        defaultValue: null;
      },
      { name: 'reason'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'result';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'WorkJudgmentResult'; ofType: null };
        };
        defaultValue: null;
      },
    ];
  };
  WorkJudgmentResult: { name: 'WorkJudgmentResult'; enumValues: 'PERMITTED' | 'PROHIBITED' };
  YesNoWithDetails: {
    kind: 'OBJECT';
    name: 'YesNoWithDetails';
    fields: {
      details: { name: 'details'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      yes: {
        name: 'yes';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
    };
  };
};

/** An IntrospectionQuery representation of your schema.
 *
 * @remarks
 * This is an introspection of your schema saved as a file by GraphQLSP.
 * It will automatically be used by `gql.tada` to infer the types of your GraphQL documents.
 * If you need to reuse this data or update your `scalars`, update `tadaOutputLocation` to
 * instead save to a .ts instead of a .d.ts file.
 */
export type introspection = {
  name: never;
  query: 'Query';
  mutation: 'Mutation';
  subscription: never;
  types: introspection_types;
};

import * as gqlTada from 'gql.tada';

declare module 'gql.tada' {
  interface setupSchema {
    introspection: introspection;
  }
}
