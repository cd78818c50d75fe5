import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { RequireAuth, useMe } from './components/AuthProvider.tsx';
import { BatchDetailPage } from './pages/claims/BatchDetailPage.tsx';
import { ClaimApplyPage } from './pages/claims/ClaimApplyPage.tsx';
import { ClaimDetailPage } from './pages/claims/ClaimDetailPage.tsx';
import { ClaimListPage } from './pages/claims/ClaimListPage.tsx';
import { LedgerPage } from './pages/claims/LedgerPage.tsx';
import { PaymentsPage } from './pages/claims/PaymentsPage.tsx';
import { PublicityDetailPage } from './pages/claims/PublicityDetailPage.tsx';
import { PublicityPage } from './pages/claims/PublicityPage.tsx';
import { DuplicatesPage } from './pages/DuplicatesPage.tsx';
import { DesignationsPage } from './pages/designations/DesignationsPage.tsx';
import { EmployerClaimApplyPage } from './pages/employer-claims/EmployerClaimApplyPage.tsx';
import { EmployerClaimDetailPage } from './pages/employer-claims/EmployerClaimDetailPage.tsx';
import { EmployerClaimListPage } from './pages/employer-claims/EmployerClaimListPage.tsx';
import { ImportPage } from './pages/ImportPage.tsx';
import { EmployerDetailPage } from './pages/jobs/EmployerDetailPage.tsx';
import { EmployerListPage } from './pages/jobs/EmployerListPage.tsx';
import { JobCreatePage } from './pages/jobs/JobCreatePage.tsx';
import { JobDetailPage } from './pages/jobs/JobDetailPage.tsx';
import { JobImportPage } from './pages/jobs/JobImportPage.tsx';
import { JobListPage } from './pages/jobs/JobListPage.tsx';
import { LaborerCreatePage } from './pages/LaborerCreatePage.tsx';
import { LaborerDetailPage } from './pages/LaborerDetailPage.tsx';
import { LaborerListPage } from './pages/LaborerListPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MeLayout } from './pages/me/MeLayout.tsx';
import { MeLoginPage } from './pages/me/MeLoginPage.tsx';
import { MyClaimDetailPage, MyClaimsPage } from './pages/me/MyClaimsPage.tsx';
import { MyInfoPage } from './pages/me/MyInfoPage.tsx';
import { MyJobDetailPage, MyJobsPage } from './pages/me/MyJobsPage.tsx';
import { MyMessagesPage } from './pages/me/MyMessagesPage.tsx';
import { MyPoliciesPage } from './pages/me/MyPoliciesPage.tsx';
import { TransportApplyPage } from './pages/me/TransportApplyPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RegionsPage } from './pages/RegionsPage.tsx';
import { ExportDetailPage } from './pages/recommendations/ExportDetailPage.tsx';
import { ExportsPage } from './pages/recommendations/ExportsPage.tsx';
import { FairDetailPage } from './pages/recommendations/FairDetailPage.tsx';
import { FairsPage } from './pages/recommendations/FairsPage.tsx';
import { MatchingPage } from './pages/recommendations/MatchingPage.tsx';
import { RuleCatalogPage } from './pages/rules/RuleCatalogPage.tsx';
import { RuleDetailPage } from './pages/rules/RuleDetailPage.tsx';
import { WorkbenchPage } from './pages/WorkbenchPage.tsx';

/** Officers start at the workbench; an employer's login at its job posts; a laborer in 劳动者服务. */
function Home() {
  const role = useMe().role;
  return <Navigate to={role === 'employer' ? '/jobs' : role === 'laborer' ? '/me/jobs' : '/workbench'} replace />;
}

/** A laborer's session never shows the officers' frame: it goes to 劳动者服务. */
function OfficerFrame() {
  if (useMe().role === 'laborer') return <Navigate to="/me/jobs" replace />;
  return <AppLayout />;
}

/** The same address shows an employer's login its own pages (补贴申领 of its unit). */
function ForRole({ officer, employer }: { officer: ReactNode; employer: ReactNode }) {
  return <>{useMe().role === 'employer' ? employer : officer}</>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/me/login" element={<MeLoginPage />} />
      <Route
        path="/me"
        element={
          <RequireAuth>
            <MeLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/me/jobs" replace />} />
        <Route path="jobs" element={<MyJobsPage />} />
        <Route path="jobs/:id" element={<MyJobDetailPage />} />
        <Route path="policies" element={<MyPoliciesPage />} />
        <Route path="transport" element={<TransportApplyPage />} />
        <Route path="claims" element={<MyClaimsPage />} />
        <Route path="claims/:id" element={<MyClaimDetailPage />} />
        <Route path="info" element={<MyInfoPage />} />
        <Route path="messages" element={<MyMessagesPage />} />
      </Route>
      <Route
        element={
          <RequireAuth>
            <OfficerFrame />
          </RequireAuth>
        }
      >
        <Route index element={<Home />} />
        <Route path="workbench" element={<WorkbenchPage />} />
        <Route path="laborers" element={<LaborerListPage />} />
        <Route path="laborers/new" element={<LaborerCreatePage />} />
        <Route path="laborers/:id" element={<LaborerDetailPage />} />
        <Route path="imports" element={<ImportPage />} />
        <Route path="duplicates" element={<DuplicatesPage />} />
        <Route path="regions" element={<RegionsPage />} />
        <Route path="designations" element={<DesignationsPage />} />
        <Route path="rules" element={<RuleCatalogPage />} />
        <Route path="rules/:id" element={<RuleDetailPage />} />
        <Route path="claims" element={<ForRole officer={<ClaimListPage />} employer={<EmployerClaimListPage />} />} />
        <Route path="claims/new" element={<ForRole officer={<ClaimApplyPage />} employer={<EmployerClaimApplyPage />} />} />
        <Route path="claims/:id" element={<ForRole officer={<ClaimDetailPage />} employer={<EmployerClaimDetailPage />} />} />
        <Route path="publicity" element={<PublicityPage />} />
        <Route path="publicity/:id" element={<PublicityDetailPage />} />
        <Route path="payments" element={<PaymentsPage />} />
        <Route path="payments/:id" element={<BatchDetailPage />} />
        <Route path="ledger" element={<LedgerPage />} />
        <Route path="jobs" element={<JobListPage />} />
        <Route path="jobs/new" element={<JobCreatePage />} />
        <Route path="jobs/import" element={<JobImportPage />} />
        <Route path="jobs/:id" element={<JobDetailPage />} />
        <Route path="employers" element={<EmployerListPage />} />
        <Route path="employers/:id" element={<EmployerDetailPage />} />
        <Route path="matching" element={<MatchingPage />} />
        <Route path="fairs" element={<FairsPage />} />
        <Route path="fairs/:id" element={<FairDetailPage />} />
        <Route path="exports" element={<ExportsPage />} />
        <Route path="exports/:id" element={<ExportDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
