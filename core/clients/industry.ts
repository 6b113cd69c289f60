/**
 * The client's industry, as the major divisions (大分類) of the Japan Standard Industrial
 * Classification (日本標準産業分類). Rep assignment compares reps' experience by it (A2-2).
 */
export const INDUSTRIES = {
  AGRICULTURE_FORESTRY: { jsic: 'A', label: '農業，林業' },
  FISHERIES: { jsic: 'B', label: '漁業' },
  MINING: { jsic: 'C', label: '鉱業，採石業，砂利採取業' },
  CONSTRUCTION: { jsic: 'D', label: '建設業' },
  MANUFACTURING: { jsic: 'E', label: '製造業' },
  UTILITIES: { jsic: 'F', label: '電気・ガス・熱供給・水道業' },
  INFORMATION_COMMUNICATIONS: { jsic: 'G', label: '情報通信業' },
  TRANSPORT_POSTAL: { jsic: 'H', label: '運輸業，郵便業' },
  WHOLESALE_RETAIL: { jsic: 'I', label: '卸売業，小売業' },
  FINANCE_INSURANCE: { jsic: 'J', label: '金融業，保険業' },
  REAL_ESTATE_LEASING: { jsic: 'K', label: '不動産業，物品賃貸業' },
  PROFESSIONAL_TECHNICAL: { jsic: 'L', label: '学術研究，専門・技術サービス業' },
  ACCOMMODATION_FOOD: { jsic: 'M', label: '宿泊業，飲食サービス業' },
  LIVING_ENTERTAINMENT: { jsic: 'N', label: '生活関連サービス業，娯楽業' },
  EDUCATION: { jsic: 'O', label: '教育，学習支援業' },
  MEDICAL_WELFARE: { jsic: 'P', label: '医療，福祉' },
  COMPOUND_SERVICES: { jsic: 'Q', label: '複合サービス事業' },
  OTHER_SERVICES: { jsic: 'R', label: 'サービス業（他に分類されないもの）' },
  GOVERNMENT: { jsic: 'S', label: '公務' },
  UNCLASSIFIABLE: { jsic: 'T', label: '分類不能の産業' },
} as const;

export type Industry = keyof typeof INDUSTRIES;
export const INDUSTRY_IDS = Object.keys(INDUSTRIES) as [Industry, ...Industry[]];

export const industryLabel = (industry: Industry) => INDUSTRIES[industry].label;
